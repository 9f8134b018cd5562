// The two themes' colours. The dark theme keeps the look of ImGui's StyleColorsDark (1.90) and the light
// theme that of StyleColorsLight, changed where their text fell below WCAG AA's 4.5:1: the highlights
// behind text (headers, hovered buttons, frames) are darker in the dark theme and paler in the light one,
// the muted text is lighter (dark) or darker (light), and each theme has its own severity colours: light
// ones on dark, deep red, amber-brown and blue on light. palette_test.cpp checks every pair that
// text_pairs() lists. Colours that carry no text are ImGui's own.
#include "app/palette.hpp"

namespace eic::app {
namespace {

// ImGui's style colours are floats 0..1; these are the same values in bytes.
constexpr std::uint32_t kImGuiBlue = rgba(66, 150, 250);  // (0.26, 0.59, 0.98)

Palette make_dark() {
    Palette p;
    p.text = rgba(255, 255, 255);
    p.text_muted = rgba(180, 180, 180);
    p.error = rgba(255, 128, 118);
    p.warning = rgba(240, 182, 64);
    p.info = rgba(128, 176, 250);

    p.window_bg = rgba(15, 15, 15);  // ImGui's 0.06 at 0.94 opacity over a canvas cleared to the same colour
    p.child_bg = rgba(0, 0, 0, 0);
    p.popup_bg = rgba(22, 22, 24);
    p.menu_bar_bg = rgba(36, 36, 36);
    p.title_bg = rgba(10, 10, 10);
    p.title_bg_active = rgba(41, 74, 122);
    p.title_bg_collapsed = rgba(0, 0, 0, 130);
    p.frame_bg = rgba(29, 47, 73);
    p.frame_bg_hovered = rgba(35, 66, 105);
    p.frame_bg_active = rgba(38, 70, 112);
    p.button = rgba(35, 69, 109);
    p.button_hovered = rgba(50, 100, 170);
    p.button_active = rgba(40, 110, 200);
    // Headers are translucent so that a selected or hovered table row still shows its cells' tints; a
    // deeper blue than ImGui's lets them show without lifting the background's luminance much.
    const std::uint32_t header_blue = rgba(40, 96, 220);
    p.header = with_alpha(header_blue, 56);
    p.header_hovered = with_alpha(header_blue, 82);
    p.header_active = with_alpha(header_blue, 102);
    p.tab = rgba(41, 78, 128);
    p.tab_hovered = rgba(50, 100, 170);
    p.tab_active = rgba(51, 105, 173);
    p.tab_unfocused = rgba(17, 26, 38);
    p.tab_unfocused_active = rgba(35, 67, 108);
    p.table_header_bg = rgba(48, 48, 51);
    p.row_bg = rgba(0, 0, 0, 0);
    p.row_bg_alt = rgba(255, 255, 255, 11);
    p.text_selected_bg = with_alpha(header_blue, 115);
    p.cell_tint_alpha = 41;

    p.border = rgba(110, 110, 128, 128);
    p.border_shadow = rgba(0, 0, 0, 0);
    p.separator = p.border;
    p.separator_hovered = rgba(26, 102, 191, 199);
    p.separator_active = rgba(26, 102, 191);
    p.table_border_strong = rgba(79, 79, 89);
    p.table_border_light = rgba(59, 59, 64);
    p.scrollbar_bg = rgba(5, 5, 5, 135);
    p.scrollbar_grab = rgba(79, 79, 79);
    p.scrollbar_grab_hovered = rgba(105, 105, 105);
    p.scrollbar_grab_active = rgba(130, 130, 130);
    p.check_mark = kImGuiBlue;
    p.slider_grab = rgba(61, 133, 224);
    p.slider_grab_active = kImGuiBlue;
    p.resize_grip = with_alpha(kImGuiBlue, 51);
    p.resize_grip_hovered = with_alpha(kImGuiBlue, 171);
    p.resize_grip_active = with_alpha(kImGuiBlue, 242);
    p.plot_lines = rgba(156, 156, 156);
    p.plot_lines_hovered = rgba(255, 110, 89);
    p.plot_histogram = rgba(230, 179, 0);
    p.plot_histogram_hovered = rgba(255, 153, 0);
    p.drag_drop_target = rgba(255, 255, 0, 230);
    p.nav_highlight = kImGuiBlue;
    p.nav_windowing_highlight = rgba(255, 255, 255, 179);
    p.nav_windowing_dim_bg = rgba(204, 204, 204, 51);
    p.modal_window_dim_bg = rgba(204, 204, 204, 89);
    return p;
}

Palette make_light() {
    Palette p;
    p.text = rgba(20, 20, 20);
    p.text_muted = rgba(70, 70, 70);
    p.error = rgba(160, 16, 24);   // deep red
    p.warning = rgba(118, 66, 0);  // amber-brown: a yellow dark enough for text on white is brown
    p.info = rgba(16, 76, 164);    // deep blue

    p.window_bg = rgba(240, 240, 240);
    p.child_bg = rgba(0, 0, 0, 0);
    p.popup_bg = rgba(255, 255, 255);
    p.menu_bar_bg = rgba(219, 219, 219);
    p.title_bg = rgba(245, 245, 245);
    p.title_bg_active = rgba(209, 209, 209);
    p.title_bg_collapsed = rgba(255, 255, 255, 130);
    p.frame_bg = rgba(255, 255, 255);
    p.frame_bg_hovered = with_alpha(kImGuiBlue, 64);
    p.frame_bg_active = with_alpha(kImGuiBlue, 102);
    p.button = with_alpha(kImGuiBlue, 102);
    p.button_hovered = kImGuiBlue;
    p.button_active = rgba(15, 135, 250);
    // Paler than ImGui's (0.31, 0.80, 1.00 opacity): coloured and muted text must read on them too.
    p.header = with_alpha(kImGuiBlue, 38);
    p.header_hovered = with_alpha(kImGuiBlue, 56);
    p.header_active = with_alpha(kImGuiBlue, 74);
    p.tab = rgba(198, 206, 216);
    p.tab_hovered = with_alpha(kImGuiBlue, 204);
    p.tab_active = rgba(152, 186, 225);
    p.tab_unfocused = rgba(235, 236, 238);
    p.tab_unfocused_active = rgba(189, 209, 233);
    p.table_header_bg = rgba(199, 222, 250);
    p.row_bg = rgba(0, 0, 0, 0);
    p.row_bg_alt = rgba(77, 77, 77, 18);
    p.text_selected_bg = with_alpha(kImGuiBlue, 77);
    p.cell_tint_alpha = 38;

    p.border = rgba(0, 0, 0, 77);
    p.border_shadow = rgba(0, 0, 0, 0);
    p.separator = rgba(99, 99, 99, 158);
    p.separator_hovered = rgba(36, 112, 204, 199);
    p.separator_active = rgba(36, 112, 204);
    p.table_border_strong = rgba(145, 145, 163);
    p.table_border_light = rgba(173, 173, 189);
    p.scrollbar_bg = rgba(250, 250, 250, 135);
    p.scrollbar_grab = rgba(176, 176, 176, 204);
    p.scrollbar_grab_hovered = rgba(125, 125, 125, 204);
    p.scrollbar_grab_active = rgba(125, 125, 125);
    p.check_mark = kImGuiBlue;
    p.slider_grab = with_alpha(kImGuiBlue, 199);
    p.slider_grab_active = rgba(117, 138, 204, 153);
    p.resize_grip = rgba(89, 89, 89, 43);
    p.resize_grip_hovered = with_alpha(kImGuiBlue, 171);
    p.resize_grip_active = with_alpha(kImGuiBlue, 242);
    p.plot_lines = rgba(99, 99, 99);
    p.plot_lines_hovered = rgba(255, 110, 89);
    p.plot_histogram = rgba(230, 179, 0);
    p.plot_histogram_hovered = rgba(255, 115, 0);
    p.drag_drop_target = with_alpha(kImGuiBlue, 242);
    p.nav_highlight = with_alpha(kImGuiBlue, 204);
    p.nav_windowing_highlight = rgba(179, 179, 179, 179);
    p.nav_windowing_dim_bg = rgba(51, 51, 51, 51);
    p.modal_window_dim_bg = rgba(51, 51, 51, 89);
    return p;
}

}  // namespace

const Palette& palette(bool dark) {
    static const Palette dark_palette = make_dark(), light_palette = make_light();
    return dark ? dark_palette : light_palette;
}

std::uint32_t severity_colour(const Palette& p, Severity s) {
    switch (s) {
        case Severity::error:
            return p.error;
        case Severity::warning:
            return p.warning;
        case Severity::info:
            return p.info;
    }
    return p.text;
}

std::uint32_t cell_tint(const Palette& p, Severity s) { return with_alpha(severity_colour(p, s), p.cell_tint_alpha); }

const char* text_role_name(TextRole r) {
    switch (r) {
        case TextRole::text:
            return "text";
        case TextRole::text_muted:
            return "text_muted";
        case TextRole::error:
            return "error";
        case TextRole::warning:
            return "warning";
        case TextRole::info:
            return "info";
    }
    return "?";
}

std::uint32_t text_colour(const Palette& p, TextRole r) {
    switch (r) {
        case TextRole::text:
            return p.text;
        case TextRole::text_muted:
            return p.text_muted;
        case TextRole::error:
            return p.error;
        case TextRole::warning:
            return p.warning;
        case TextRole::info:
            return p.info;
    }
    return p.text;
}

}  // namespace eic::app
