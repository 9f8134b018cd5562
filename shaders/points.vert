#version 300 es
// The embedding map's points: one quad instance per point, placed in framebuffer pixels so a point
// keeps its size in CSS pixels whatever the zoom and the device pixel ratio.
precision highp float;

layout(location = 0) in vec2 a_corner;    // the quad's corner, -1..1 (per vertex)
layout(location = 1) in vec2 a_position;  // the point, in data units (per instance)
layout(location = 2) in vec4 a_colour;    // packed RGBA8, normalised (per instance)
layout(location = 3) in float a_selected; // 0 or 1 (per instance)

uniform vec2 u_scale;        // data units to CSS pixels (y already flipped: screen y grows down)
uniform vec2 u_offset;       // CSS pixels of the data origin, relative to the framebuffer's top left
uniform vec2 u_framebuffer;  // framebuffer size in device pixels
uniform float u_dpr;         // device pixels per CSS pixel
uniform float u_point_px;    // point diameter in CSS pixels
uniform float u_emphasis;    // >1 draws the hovered point larger (second pass)
uniform float u_dim;         // alpha of unselected points while a selection exists (1 = none)

out vec2 v_local;            // position inside the sprite, -1..1 (radius 1 = the point's edge + ring)
out vec4 v_colour;
out float v_selected;        // 0 plain, 1 selected, 2 hovered
out float v_radius_px;       // the sprite's radius in device pixels, for a one-pixel soft edge

void main() {
    // Selected points grow a little so their ring does not eat the fill.
    float diameter = u_point_px * u_emphasis * (a_selected > 0.5 ? 1.35 : 1.0);
    float radius_px = 0.5 * diameter * u_dpr + 1.0;  // +1: room for the anti-aliased edge
    vec2 centre_px = (a_position * u_scale + u_offset) * u_dpr;
    vec2 px = centre_px + a_corner * radius_px;
    vec2 ndc = px / u_framebuffer * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    v_local = a_corner;
    v_colour = a_colour;
    // Selected and hovered points stay nearly opaque however dense the map; the rest fade while a
    // selection exists.
    if (a_selected > 0.5 || u_emphasis > 1.0) v_colour.a = max(v_colour.a, 0.9);
    else v_colour.a *= u_dim;
    v_selected = u_emphasis > 1.0 ? 2.0 : a_selected;
    v_radius_px = radius_px;
}
