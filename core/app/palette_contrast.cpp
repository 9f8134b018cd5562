// Contrast arithmetic (WCAG 2.x) and the list of text-on-background pairs the canvas draws.
#include <cmath>
#include <initializer_list>
#include <utility>

#include "app/palette.hpp"

namespace eic::app {
namespace {

// An sRGB channel (0..255) in linear light, as the relative luminance definition gives it
// (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). WCAG 2.1 writes the threshold 0.03928 and
// WCAG 2.2 corrects it to sRGB's 0.04045; no 8-bit value lies between the two, so both give the same.
double linear(std::uint32_t channel) {
    const double c = double(channel) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// One background the canvas draws text on: the opaque colour that shows, and its layers for the name.
struct Ground {
    std::string name;
    std::uint32_t colour;
};

Ground over(const std::string& layer, std::uint32_t colour, const Ground& under) {
    return {layer + " over " + under.name, blend(colour, under.colour)};
}

}  // namespace

double relative_luminance(std::uint32_t c) {
    return 0.2126 * linear(red_of(c)) + 0.7152 * linear(green_of(c)) + 0.0722 * linear(blue_of(c));
}

// (L1 + 0.05) / (L2 + 0.05), L1 the lighter colour's relative luminance
// (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
double contrast_ratio(std::uint32_t fg, std::uint32_t bg) {
    double a = relative_luminance(fg), b = relative_luminance(bg);
    if (a < b) std::swap(a, b);
    return (a + 0.05) / (b + 0.05);
}

std::uint32_t blend(std::uint32_t over, std::uint32_t under) {
    const std::uint32_t a = alpha_of(over);
    // Rounded to the nearest byte, as an 8-bit framebuffer stores it.
    auto mix = [a](std::uint32_t o, std::uint32_t u) { return (o * a + u * (255 - a) + 127) / 255; };
    return rgba(mix(red_of(over), red_of(under)), mix(green_of(over), green_of(under)),
                mix(blue_of(over), blue_of(under)));
}

// What the canvas draws where (wasm/ui): the grounds are windows, child windows (the findings list),
// popups (menus, tooltips, modals) and table rows. On each ground any text may appear, and so may
// headers under it (selectables, tree nodes, menu items: selected, hovered, held). A table cell can carry
// a severity tint (a cell a finding points at) or the selection colour (the selected cell), under the
// row's header when the row is selected or hovered; on a tinted cell the canvas draws cell text or
// "unreadable" (muted), never a severity word (the status column is not tinted); on the selected cell,
// cell text only. Inputs and combos show text and muted hints; buttons, tabs, title bars, the menu bar
// and table column headers show body text. Text of disabled widgets (ImGui::BeginDisabled) is left out:
// WCAG 1.4.3 exempts inactive user interface components.
std::vector<TextOnBackground> text_pairs(const Palette& p) {
    std::vector<TextOnBackground> out;
    auto add = [&](TextRole role, const Ground& g) {
        out.push_back({std::string(text_role_name(role)) + " on " + g.name, role, text_colour(p, role), g.colour});
    };
    const std::initializer_list<TextRole> all = {TextRole::text, TextRole::text_muted, TextRole::error,
                                                 TextRole::warning, TextRole::info};
    const std::initializer_list<TextRole> plain = {TextRole::text, TextRole::text_muted};
    const std::pair<const char*, std::uint32_t> headers[] = {
        {"header", p.header}, {"header_hovered", p.header_hovered}, {"header_active", p.header_active}};

    const Ground window{"window_bg", blend(p.window_bg, p.window_bg)};
    const Ground row = over("row_bg", p.row_bg, window), row_alt = over("row_bg_alt", p.row_bg_alt, window);
    const Ground grounds[] = {
        window, over("child_bg", p.child_bg, window), {"popup_bg", blend(p.popup_bg, window.colour)}, row, row_alt};
    for (const Ground& g : grounds) {
        for (TextRole r : all) add(r, g);
        for (const auto& [name, colour] : headers)
            for (TextRole r : all) add(r, over(name, colour, g));
    }

    for (const Ground& r : {row, row_alt}) {
        for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
            const Ground tinted = over(std::string("cell tint (") + severity_name(s) + ")", cell_tint(p, s), r);
            for (TextRole t : plain) {
                add(t, tinted);
                for (const auto& [name, colour] : headers) add(t, over(name, colour, tinted));
            }
        }
        const Ground selected = over("text_selected_bg", p.text_selected_bg, r);
        add(TextRole::text, selected);
        for (const auto& [name, colour] : headers) add(TextRole::text, over(name, colour, selected));
    }

    const std::pair<const char*, std::uint32_t> frames[] = {
        {"frame_bg", p.frame_bg}, {"frame_bg_hovered", p.frame_bg_hovered}, {"frame_bg_active", p.frame_bg_active}};
    const std::pair<const char*, std::uint32_t> buttons[] = {
        {"button", p.button}, {"button_hovered", p.button_hovered}, {"button_active", p.button_active}};
    for (const Ground& g : grounds) {
        for (const auto& [name, colour] : frames)
            for (TextRole t : plain) add(t, over(name, colour, g));
        add(TextRole::text, over("text_selected_bg", p.text_selected_bg, over("frame_bg", p.frame_bg, g)));
        for (const auto& [name, colour] : buttons) add(TextRole::text, over(name, colour, g));
    }

    for (const Ground& bar : {Ground{"table_header_bg", blend(p.table_header_bg, window.colour)},
                              Ground{"menu_bar_bg", blend(p.menu_bar_bg, window.colour)}}) {
        add(TextRole::text, bar);
        for (const auto& [name, colour] : headers) add(TextRole::text, over(name, colour, bar));
    }
    const std::pair<const char*, std::uint32_t> bars[] = {{"title_bg", p.title_bg},
                                                          {"title_bg_active", p.title_bg_active},
                                                          {"title_bg_collapsed", p.title_bg_collapsed},
                                                          {"tab", p.tab},
                                                          {"tab_hovered", p.tab_hovered},
                                                          {"tab_active", p.tab_active},
                                                          {"tab_unfocused", p.tab_unfocused},
                                                          {"tab_unfocused_active", p.tab_unfocused_active}};
    for (const auto& [name, colour] : bars) add(TextRole::text, over(name, colour, window));
    return out;
}

}  // namespace eic::app
