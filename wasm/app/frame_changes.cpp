#include "app/frame_changes.hpp"

#include <cstring>
#include <type_traits>

namespace eic::web {
namespace {

template <typename T>
void put(std::string& out, const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
void put_all(std::string& out, const ImVector<T>& v) {
    put(out, v.Size);
    out.append(reinterpret_cast<const char*>(v.Data), std::size_t(v.Size) * sizeof(T));
}

}  // namespace

bool FrameChanges::changed(const ImDrawData& dd, int fb_w, int fb_h, ImU32 clear) {
    std::string& out = current_;
    out.clear();
    put(out, fb_w);
    put(out, fb_h);
    put(out, clear);
    put(out, dd.DisplayPos);
    put(out, dd.DisplaySize);
    put(out, dd.FramebufferScale);
    put(out, dd.CmdListsCount);
    bool live_callback = false;
    for (const ImDrawList* list : dd.CmdLists) {
        put_all(out, list->VtxBuffer);
        put_all(out, list->IdxBuffer);
        put(out, list->CmdBuffer.Size);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // Field by field: the struct's padding is not part of what is drawn.
            put(out, cmd.ClipRect);
            put(out, cmd.TextureId);
            put(out, cmd.VtxOffset);
            put(out, cmd.IdxOffset);
            put(out, cmd.ElemCount);
            put(out, cmd.UserCallback);
            if (cmd.UserCallback && cmd.UserCallback != ImDrawCallback_ResetRenderState &&
                !(callback_state_ && callback_state_(cmd, out)))
                live_callback = true;
        }
    }
    const bool differs =
        live_callback || out.size() != previous_.size() || std::memcmp(out.data(), previous_.data(), out.size()) != 0;
    if (differs) previous_.swap(current_);
    return differs;
}

}  // namespace eic::web
