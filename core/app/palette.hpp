// The canvas's colours, one table per theme, and the arithmetic that checks their text is readable.
// Every colour the canvas themes (all of ImGui's style colours, the severity colours, the table cells'
// tint) comes from palette(dark); text_pairs() lists each text colour on each background the canvas draws
// it on, so a test can require WCAG AA contrast (4.5:1) for all of them in both themes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/rgba.hpp"
#include "diag/diagnostic.hpp"

namespace eic::app {

// Colours packed as rgba.hpp packs them. Names follow ImGui's style colours (ImGuiCol_FrameBgHovered is
// frame_bg_hovered); the text colours have their own roles.
struct Palette {
    // Text. All opaque: a contrast ratio is defined between opaque colours.
    std::uint32_t text = 0;        // body text
    std::uint32_t text_muted = 0;  // hints, placeholders, secondary text, the "ok" status (ImGuiCol_TextDisabled)
    std::uint32_t error = 0, warning = 0, info = 0;  // findings and log levels, by severity

    // Surfaces text sits on.
    std::uint32_t window_bg = 0, child_bg = 0, popup_bg = 0, menu_bar_bg = 0;
    std::uint32_t title_bg = 0, title_bg_active = 0, title_bg_collapsed = 0;
    std::uint32_t frame_bg = 0, frame_bg_hovered = 0, frame_bg_active = 0;  // inputs, combos
    std::uint32_t button = 0, button_hovered = 0, button_active = 0;
    std::uint32_t header = 0, header_hovered = 0, header_active = 0;  // selectables, tree nodes, menu items
    std::uint32_t tab = 0, tab_hovered = 0, tab_active = 0, tab_unfocused = 0, tab_unfocused_active = 0;
    std::uint32_t table_header_bg = 0, row_bg = 0, row_bg_alt = 0;
    std::uint32_t text_selected_bg = 0;  // selected text in an input, the selected table cell
    // A table cell with a finding is tinted with its severity's colour at this opacity (0..255).
    std::uint32_t cell_tint_alpha = 0;

    // Lines, marks and overlays: no text is drawn on these.
    std::uint32_t border = 0, border_shadow = 0, separator = 0, separator_hovered = 0, separator_active = 0;
    std::uint32_t table_border_strong = 0, table_border_light = 0;
    std::uint32_t scrollbar_bg = 0, scrollbar_grab = 0, scrollbar_grab_hovered = 0, scrollbar_grab_active = 0;
    std::uint32_t check_mark = 0, slider_grab = 0, slider_grab_active = 0;
    std::uint32_t resize_grip = 0, resize_grip_hovered = 0, resize_grip_active = 0;
    std::uint32_t plot_lines = 0, plot_lines_hovered = 0, plot_histogram = 0, plot_histogram_hovered = 0;
    std::uint32_t drag_drop_target = 0, nav_highlight = 0, nav_windowing_highlight = 0, nav_windowing_dim_bg = 0;
    std::uint32_t modal_window_dim_bg = 0;
};

// The dark or the light theme's palette.
const Palette& palette(bool dark);

std::uint32_t severity_colour(const Palette& p, Severity s);
// A cell with a finding of severity s: the severity's colour at the palette's tint opacity.
std::uint32_t cell_tint(const Palette& p, Severity s);

// WCAG 2.x contrast ratio of two opaque colours, from 1 (the same luminance) to 21 (black on white).
// The order does not matter. Alpha is ignored: blend() translucent colours onto their background first.
double contrast_ratio(std::uint32_t fg, std::uint32_t bg);
// WCAG 2.x relative luminance of an opaque colour, 0 for black to 1 for white.
double relative_luminance(std::uint32_t c);
// `over` drawn onto the opaque `under` with over's alpha, as the canvas's renderer blends (in sRGB
// values, without linearising): the opaque colour that shows.
std::uint32_t blend(std::uint32_t over, std::uint32_t under);

enum class TextRole { text, text_muted, error, warning, info };
constexpr int kTextRoleCount = 5;
const char* text_role_name(TextRole r);
std::uint32_t text_colour(const Palette& p, TextRole r);

// One text colour on one background as the canvas draws it; `background` is already composed of its
// translucent layers, and `name` says which, e.g. "text_muted on header_hovered over row_bg_alt over window_bg".
struct TextOnBackground {
    std::string name;
    TextRole role = TextRole::text;
    std::uint32_t text = 0;
    std::uint32_t background = 0;  // opaque
};

// Every (text, background) combination the canvas draws with this palette.
std::vector<TextOnBackground> text_pairs(const Palette& p);

}  // namespace eic::app
