#version 300 es
// Round points with a soft one-pixel edge; selected and hovered points get a ring in the ring colour
// (dark on light themes, light on dark ones) so they read on any fill.
precision mediump float;

in vec2 v_local;
in vec4 v_colour;
in float v_selected;  // 0 plain, 1 selected, 2 hovered
in float v_radius_px;

uniform vec4 u_ring;  // ring colour, straight alpha

out vec4 frag;

void main() {
    float r = length(v_local) * v_radius_px;     // distance from the centre in device pixels
    float edge = v_radius_px - 1.0;              // the disc's radius
    float alpha = clamp(edge - r + 0.5, 0.0, 1.0);
    if (alpha <= 0.0) discard;
    vec4 colour = v_colour;
    if (v_selected > 0.5) {
        // The outer device pixel or so forms the ring, blended smoothly into the fill: full strength for
        // the hovered point, half for selected ones (a dense selection would otherwise read as one blot).
        float ring_width = max(1.0, edge * 0.25);
        float t = clamp(r - (edge - ring_width) + 0.5, 0.0, 1.0) * (v_selected > 1.5 ? 1.0 : 0.5);
        colour = mix(colour, vec4(u_ring.rgb, max(colour.a, u_ring.a)), t);
    }
    frag = vec4(colour.rgb, colour.a * alpha);
}
