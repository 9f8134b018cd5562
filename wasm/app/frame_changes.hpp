// Whether a frame's draw data differs from the last one presented. The canvas renders and presents
// only frames that differ: an idle canvas then costs the GPU nothing, and the page's main thread is
// not held up by the GL state queries ImGui's OpenGL backend makes each render (each glGetIntegerv is
// a WebGL getParameter, which waits for the GPU process; in a tab with a software renderer those
// waits took most of the time spent reading a large file). The canvas keeps showing the last frame
// it was given (the context has preserveDrawingBuffer).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

namespace eic::web {

class FrameChanges {
public:
    // Appends the state a draw callback draws from and returns true, or returns false for a callback
    // it does not know (such a frame always counts as changed).
    using CallbackState = bool (*)(const ImDrawCmd& cmd, std::string& out);
    explicit FrameChanges(CallbackState callback_state = nullptr) : callback_state_(callback_state) {}

    // True when `dd` (drawn into a framebuffer of fb_w x fb_h pixels, cleared with `clear`) would
    // render differently from the last frame this returned true for. Draw callbacks (the embedding
    // map's points) read state outside the draw data: callback_state adds it to the comparison.
    bool changed(const ImDrawData& dd, int fb_w, int fb_h, ImU32 clear);

private:
    CallbackState callback_state_;
    std::string previous_, current_;  // the frames' draw data, flattened
};

}  // namespace eic::web
