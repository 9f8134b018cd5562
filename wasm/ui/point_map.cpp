#include "ui/point_map.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "shaders/embedded_shaders.hpp"
#include "ui/widgets.hpp"

namespace eic::ui {

// GL objects live as long as the widget's state; the draw callback reads `frame`, filled in while the
// widget is drawn and used when ImGui's backend renders the draw list later in the same frame.
struct PointMapGpu {
    GLuint program = 0, vao = 0, quad = 0, positions = 0, colours = 0, flags = 0;
    GLint u_scale = -1, u_offset = -1, u_framebuffer = -1, u_dpr = -1, u_point_px = -1, u_emphasis = -1, u_dim = -1,
          u_ring = -1;
    std::size_t count = 0;
    std::uint64_t uploaded_revision = ~0ull, uploaded_selection = ~0ull;
    bool failed = false;

    struct Frame {
        float scale = 1, offset_x = 0, offset_y = 0;  // data -> CSS pixels (relative to the display origin)
        float point_px = 4, dim = 1;
        int hovered = -1;
        float ring[4] = {1, 1, 1, 1};
    } frame;

    ~PointMapGpu() {
        // The context may already be gone (app shutdown destroys it first): deleting names then is harmless.
        glDeleteBuffers(1, &quad);
        glDeleteBuffers(1, &positions);
        glDeleteBuffers(1, &colours);
        glDeleteBuffers(1, &flags);
        glDeleteVertexArrays(1, &vao);
        glDeleteProgram(program);
    }
};

namespace {

constexpr float kHoverSlackPx = 4.f;   // how far beyond a point's edge the cursor still hovers it
constexpr float kClickPx = 4.f;        // a press and release closer than this is a click, not a box
constexpr float kMaxZoomIn = 10000.f;  // relative to the fitted view
constexpr float kMaxZoomOut = 20.f;

std::string shader_log(GLuint shader) {
    GLint len = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &len);
    std::string log(len > 0 ? (std::size_t)len : 0, '\0');
    if (len > 0) glGetShaderInfoLog(shader, len, nullptr, log.data());
    return log;
}

GLuint compile(GLenum kind, const char* source, std::string& error) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        error = std::string(kind == GL_VERTEX_SHADER ? "points.vert" : "points.frag") + ": " + shader_log(s);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

// Compiles the program and makes the buffers; on failure says why in `error` and never tries again.
bool ensure_gpu(PointMapState& st) {
    if (st.gpu) return !st.gpu->failed;
    st.gpu = std::make_shared<PointMapGpu>();
    PointMapGpu& g = *st.gpu;
    const GLuint vs = compile(GL_VERTEX_SHADER, shaders::points_vert, st.error);
    const GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, shaders::points_frag, st.error) : 0;
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        g.failed = true;
        return false;
    }
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (!linked) {
        GLint len = 0;
        glGetProgramiv(g.program, GL_INFO_LOG_LENGTH, &len);
        std::string log(len > 0 ? (std::size_t)len : 0, '\0');
        if (len > 0) glGetProgramInfoLog(g.program, len, nullptr, log.data());
        st.error = "points program: " + log;
        g.failed = true;
        return false;
    }
    g.u_scale = glGetUniformLocation(g.program, "u_scale");
    g.u_offset = glGetUniformLocation(g.program, "u_offset");
    g.u_framebuffer = glGetUniformLocation(g.program, "u_framebuffer");
    g.u_dpr = glGetUniformLocation(g.program, "u_dpr");
    g.u_point_px = glGetUniformLocation(g.program, "u_point_px");
    g.u_emphasis = glGetUniformLocation(g.program, "u_emphasis");
    g.u_dim = glGetUniformLocation(g.program, "u_dim");
    g.u_ring = glGetUniformLocation(g.program, "u_ring");

    GLint previous_vao = 0, previous_buffer = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &previous_vao);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previous_buffer);
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.quad);
    glGenBuffers(1, &g.positions);
    glGenBuffers(1, &g.colours);
    glGenBuffers(1, &g.flags);
    glBindVertexArray(g.vao);
    const float corners[8] = {-1, -1, 1, -1, -1, 1, 1, 1};  // a triangle strip
    glBindBuffer(GL_ARRAY_BUFFER, g.quad);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    for (GLuint a = 1; a <= 3; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    glBindVertexArray((GLuint)previous_vao);
    glBindBuffer(GL_ARRAY_BUFFER, (GLuint)previous_buffer);
    return true;
}

// Points the per-instance attributes at `first`, so one draw call can cover one point (the hovered one).
void bind_instances(const PointMapGpu& g, std::size_t first) {
    glBindBuffer(GL_ARRAY_BUFFER, g.positions);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 0, (const void*)(first * 2 * sizeof(float)));
    glBindBuffer(GL_ARRAY_BUFFER, g.colours);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, (const void*)(first * 4));
    glBindBuffer(GL_ARRAY_BUFFER, g.flags);
    glVertexAttribPointer(3, 1, GL_UNSIGNED_BYTE, GL_TRUE, 0, (const void*)first);
}

// Uploads positions and colours when the data's revision changed, the selection flags when it did.
void upload(PointMapGpu& g, const PointMapData& data, const PointMapState& st) {
    GLint previous_buffer = 0;
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &previous_buffer);
    const bool data_changed = g.uploaded_revision != data.revision;
    if (data_changed) {
        g.count = data.xy && data.colours ? data.count : 0;
        glBindBuffer(GL_ARRAY_BUFFER, g.positions);
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(g.count * 2 * sizeof(float)), g.count ? data.xy : nullptr,
                     GL_STATIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, g.colours);
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(g.count * 4), g.count ? data.colours : nullptr, GL_STATIC_DRAW);
        g.uploaded_revision = data.revision;
    }
    if (data_changed || g.uploaded_selection != st.selection_revision) {
        std::vector<std::uint8_t> flags(g.count, 0);
        for (std::uint32_t i : st.selected)
            if (i < g.count) flags[i] = 255;
        glBindBuffer(GL_ARRAY_BUFFER, g.flags);
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)flags.size(), flags.empty() ? nullptr : flags.data(),
                     GL_DYNAMIC_DRAW);
        g.uploaded_selection = st.selection_revision;
    }
    glBindBuffer(GL_ARRAY_BUFFER, (GLuint)previous_buffer);
}

// Runs inside ImGui's renderer. ImGui's scissor is already set from the command's clip rectangle
// (which the widget narrowed to its own rectangle); the callback that follows restores ImGui's state.
void render_points(const ImDrawList*, const ImDrawCmd* cmd) {
    const PointMapGpu& g = *(const PointMapGpu*)cmd->UserCallbackData;
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || g.failed || g.count == 0) return;
    const float dpr = dd->FramebufferScale.x;
    const float fb_w = dd->DisplaySize.x * dd->FramebufferScale.x, fb_h = dd->DisplaySize.y * dd->FramebufferScale.y;
    const ImVec2 clip_min((cmd->ClipRect.x - dd->DisplayPos.x) * dpr,
                          (cmd->ClipRect.y - dd->DisplayPos.y) * dd->FramebufferScale.y);
    const ImVec2 clip_max((cmd->ClipRect.z - dd->DisplayPos.x) * dpr,
                          (cmd->ClipRect.w - dd->DisplayPos.y) * dd->FramebufferScale.y);
    if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor((GLint)clip_min.x, (GLint)(fb_h - clip_max.y), (GLsizei)(clip_max.x - clip_min.x),
              (GLsizei)(clip_max.y - clip_min.y));

    const auto& f = g.frame;
    glUseProgram(g.program);
    glBindVertexArray(g.vao);
    glUniform2f(g.u_scale, f.scale, -f.scale);
    glUniform2f(g.u_offset, f.offset_x, f.offset_y);
    glUniform2f(g.u_framebuffer, fb_w, fb_h);
    glUniform1f(g.u_dpr, dpr);
    glUniform1f(g.u_point_px, f.point_px);
    glUniform1f(g.u_dim, f.dim);
    glUniform4f(g.u_ring, f.ring[0], f.ring[1], f.ring[2], f.ring[3]);
    glUniform1f(g.u_emphasis, 1.f);
    bind_instances(g, 0);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, (GLsizei)g.count);
    if (f.hovered >= 0 && (std::size_t)f.hovered < g.count) {
        // Drawn again on top, larger: the hovered point is never hidden under its neighbours.
        glUniform1f(g.u_emphasis, 2.f);
        bind_instances(g, (std::size_t)f.hovered);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 1);
    }
    glBindVertexArray(0);
}

float clamp_scale(const PointMapState& st, float s) {
    return std::clamp(s, st.fit_scale / kMaxZoomOut, st.fit_scale * kMaxZoomIn);
}

void fit(PointMapState& st, ImVec2 size) {
    const auto& ix = st.index;
    if (ix.indexed() == 0) return;
    const float w = ix.max_x() - ix.min_x(), h = ix.max_y() - ix.min_y();
    const float margin = 0.92f;
    float s = 1;
    if (w > 0 && h > 0)
        s = std::min(size.x / w, size.y / h);
    else if (w > 0)
        s = size.x / w;
    else if (h > 0)
        s = size.y / h;
    else
        s = 1;  // one spot: any scale shows it
    if (!std::isfinite(s) || s <= 0) s = 1;
    st.fit_scale = s * margin;
    st.scale = st.fit_scale;
    st.centre_x = ix.min_x() + w * 0.5f;
    st.centre_y = ix.min_y() + h * 0.5f;
    st.fit_pending = false;
}

ImVec2 to_data(const PointMapState& st, ImVec2 p) {
    const ImVec2 c((st.rect_min.x + st.rect_max.x) * 0.5f, (st.rect_min.y + st.rect_max.y) * 0.5f);
    return ImVec2(st.centre_x + (p.x - c.x) / st.scale, st.centre_y - (p.y - c.y) / st.scale);
}

}  // namespace

ImVec2 point_map_to_screen(const PointMapState& st, float x, float y) {
    const ImVec2 c((st.rect_min.x + st.rect_max.x) * 0.5f, (st.rect_min.y + st.rect_max.y) * 0.5f);
    return ImVec2(c.x + (x - st.centre_x) * st.scale, c.y - (y - st.centre_y) * st.scale);
}

namespace {

// New data: index it, and drop what pointed into the old data.
void reindex(const PointMapData& data, PointMapState& st) {
    if (st.indexed_revision == data.revision) return;
    st.index.build(data.xy, data.xy ? data.count : 0);
    st.indexed_revision = data.revision;
    st.hovered.reset();
    // Indices of the old data mean nothing past its length.
    const auto past = std::lower_bound(st.selected.begin(), st.selected.end(), (std::uint32_t)data.count);
    if (past != st.selected.end()) st.selected.erase(past, st.selected.end()), ++st.selection_revision;
}

void controls(PointMapState& st) {
    if (ImGui::SmallButton("Fit")) st.fit_pending = true;
    same_line_if_fits(labelled_width("Point size", ImGui::GetFontSize() * 5));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    label_before("Point size");
    ImGui::SliderFloat("##Point size", &st.point_px, 1.f, 16.f, "%.0f px");
    web::debug_items_name_last("Point size");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    flow_text("Drag: select · Right-drag or Alt+drag: pan · Wheel: zoom");
    ImGui::PopStyleColor();
}

// Wheel zoom around the cursor, and panning with the right or middle button (or Alt and the left).
void zoom_and_pan(PointMapState& st, bool hovered, bool active) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    // Zoom around the cursor: the data point under it stays under it.
    if (hovered && io.MouseWheel != 0 && st.index.indexed() > 0) {
        const ImVec2 before = to_data(st, mouse);
        st.scale = clamp_scale(st, st.scale * std::pow(1.2f, io.MouseWheel));
        const ImVec2 after = to_data(st, mouse);
        st.centre_x += before.x - after.x;
        st.centre_y += before.y - after.y;
    }
    if (ImGui::IsItemActivated())
        st.panning = ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ||
                     (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyAlt);
    if (ImGui::IsItemActivated() && !st.panning && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        st.boxing = true;
        st.box_start = mouse;
    }
    if (!active) st.panning = false;
    if (st.panning && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        st.centre_x -= io.MouseDelta.x / st.scale;
        st.centre_y += io.MouseDelta.y / st.scale;
    }
}

// The nearest point within its radius plus some slack, in data units.
std::optional<std::uint32_t> point_under(const PointMapState& st, ImVec2 mouse) {
    const ImVec2 d = to_data(st, mouse);
    return st.index.nearest(d.x, d.y, (st.point_px * 0.5f + kHoverSlackPx) / st.scale);
}

// On release, the box selects what it covers; a click selects the point under it, or clears.
void finish_box(PointMapState& st, PointMapEvents& ev) {
    if (!st.boxing || ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    st.boxing = false;
    const bool click = std::fabs(mouse.x - st.box_start.x) < kClickPx && std::fabs(mouse.y - st.box_start.y) < kClickPx;
    std::vector<std::uint32_t> chosen;
    if (click) {
        if (auto hit = point_under(st, mouse)) chosen.push_back(*hit);
    } else {
        const ImVec2 a = to_data(st, st.box_start), b = to_data(st, mouse);
        st.index.in_box(a.x, a.y, b.x, b.y, chosen);
    }
    if (io.KeyShift && !click) {  // Shift adds the box to what was selected
        std::vector<std::uint32_t> merged;
        std::set_union(st.selected.begin(), st.selected.end(), chosen.begin(), chosen.end(),
                       std::back_inserter(merged));
        chosen.swap(merged);
    }
    if (chosen != st.selected || click) {
        st.selected.swap(chosen);
        ++st.selection_revision;
        ev.selection_changed = true;
    }
}

// The ground, the points (our own shaders, through a draw callback), the box and the border.
void draw(const PointMapData& data, PointMapState& st) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // An opaque, neutral ground (the window's own colour): the theme's tinted frame colour would fight the palette.
    const ImVec4 ground = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    dl->AddRectFilled(st.rect_min, st.rect_max,
                      ImGui::ColorConvertFloat4ToU32(ImVec4(ground.x, ground.y, ground.z, 1.f)));
    if (!st.error.empty() || !ensure_gpu(st)) {
        dl->AddText(ImVec2(st.rect_min.x + 8, st.rect_min.y + 8), ImGui::GetColorU32(ImGuiCol_Text),
                    ("The points cannot be drawn: " + st.error).c_str());
    } else if (data.count > 0) {
        PointMapGpu& g = *st.gpu;
        upload(g, data, st);
        const ImVec2 origin = point_map_to_screen(st, 0, 0);
        const ImVec2 display = ImGui::GetMainViewport()->Pos;
        g.frame.scale = st.scale;
        g.frame.offset_x = origin.x - display.x;
        g.frame.offset_y = origin.y - display.y;
        g.frame.point_px = st.point_px;
        g.frame.dim = st.selected.empty() ? 1.f : 0.35f;
        g.frame.hovered = st.hovered ? (int)*st.hovered : -1;
        const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
        g.frame.ring[0] = text.x, g.frame.ring[1] = text.y, g.frame.ring[2] = text.z, g.frame.ring[3] = 1.f;
        dl->PushClipRect(st.rect_min, st.rect_max, true);
        dl->AddCallback(render_points, &g);
        dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
        dl->PopClipRect();
    }
    if (st.boxing) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const ImU32 accent = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
        dl->AddRectFilled(st.box_start, mouse, (accent & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 40));
        dl->AddRect(st.box_start, mouse, accent);
    }
    dl->AddRect(st.rect_min, st.rect_max, ImGui::GetColorU32(ImGuiCol_Border));
}

}  // namespace

PointMapEvents draw_point_map(const char* id, const PointMapData& data, PointMapState& st, ImVec2 size) {
    PointMapEvents ev;
    ImGui::PushID(id);
    reindex(data, st);
    controls(st);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x <= 0 ? avail.x : size.x, 64.f);
    size.y = std::max(size.y <= 0 ? avail.y : size.y, 64.f);
    ImGui::InvisibleButton(
        id, size,
        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms the map, not the window
    st.rect_min = ImGui::GetItemRectMin();
    st.rect_max = ImGui::GetItemRectMax();
    if (st.fit_pending) fit(st, size);

    zoom_and_pan(st, hovered, active);
    st.hovered.reset();
    if (hovered && !st.boxing && !st.panning && st.index.indexed() > 0)
        st.hovered = point_under(st, ImGui::GetIO().MousePos);
    ev.hovered = st.hovered;
    finish_box(st, ev);
    draw(data, st);
    ImGui::PopID();
    return ev;
}

bool point_map_draw_state(const ImDrawCmd& cmd, std::string& out) {
    if (cmd.UserCallback != render_points || !cmd.UserCallbackData) return false;
    const PointMapGpu& g = *static_cast<const PointMapGpu*>(cmd.UserCallbackData);
    const auto put = [&](const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
    const auto& f = g.frame;
    put(f.scale), put(f.offset_x), put(f.offset_y), put(f.point_px), put(f.dim), put(f.hovered), put(f.ring);
    put(g.count), put(g.uploaded_revision), put(g.uploaded_selection), put(g.failed);
    return true;
}

}  // namespace eic::ui
