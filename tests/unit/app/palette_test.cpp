#include "app/palette.hpp"

#include <catch2/catch.hpp>

using namespace eic::app;

TEST_CASE("contrast_ratio follows WCAG 2.x", "[app][palette]") {
    const std::uint32_t white = rgba(255, 255, 255), black = rgba(0, 0, 0);
    CHECK(contrast_ratio(white, black) == Approx(21.0));
    CHECK(contrast_ratio(black, white) == Approx(21.0));
    CHECK(contrast_ratio(white, white) == Approx(1.0));
    CHECK(contrast_ratio(rgba(0x77, 0x77, 0x77), rgba(0x77, 0x77, 0x77)) == Approx(1.0));
    // #777777 on white is the well-known near miss of 4.5:1.
    CHECK(contrast_ratio(rgba(0x77, 0x77, 0x77), white) == Approx(4.48).margin(0.005));
    // #767676 is the lightest grey that passes on white.
    CHECK(contrast_ratio(rgba(0x76, 0x76, 0x76), white) >= 4.5);
    CHECK(relative_luminance(white) == Approx(1.0));
    CHECK(relative_luminance(black) == Approx(0.0));
    // Green weighs most: 0.7152 of the luminance.
    CHECK(relative_luminance(rgba(0, 255, 0)) == Approx(0.7152));
    // Alpha does not count.
    CHECK(contrast_ratio(rgba(0, 0, 0, 10), white) == Approx(21.0));
}

TEST_CASE("blend composes a translucent colour onto an opaque one", "[app][palette]") {
    const std::uint32_t white = rgba(255, 255, 255), black = rgba(0, 0, 0);
    CHECK(blend(rgba(10, 20, 30), white) == rgba(10, 20, 30));             // opaque covers
    CHECK(blend(rgba(10, 20, 30, 0), white) == white);                     // transparent shows what is under
    CHECK(blend(rgba(255, 255, 255, 128), black) == rgba(128, 128, 128));  // 255 * 128 / 255
    CHECK(blend(rgba(0, 0, 0, 64), white) == rgba(191, 191, 191));         // 255 * (255 - 64) / 255
    CHECK(blend(rgba(200, 100, 0, 51), rgba(0, 100, 200)) == rgba(40, 100, 160));
    CHECK(alpha_of(blend(rgba(1, 2, 3, 100), rgba(4, 5, 6))) == 255);  // the result is opaque
}

TEST_CASE("the palette's text colours are opaque", "[app][palette]") {
    for (bool dark : {true, false}) {
        CAPTURE(dark);
        for (int r = 0; r < kTextRoleCount; ++r) {
            CAPTURE(text_role_name(TextRole(r)));
            CHECK(alpha_of(text_colour(palette(dark), TextRole(r))) == 255);
        }
    }
}

TEST_CASE("text_pairs lists every text role", "[app][palette]") {
    for (bool dark : {true, false}) {
        CAPTURE(dark);
        const auto pairs = text_pairs(palette(dark));
        for (int r = 0; r < kTextRoleCount; ++r) {
            int n = 0;
            for (const auto& pair : pairs) n += pair.role == TextRole(r);
            INFO(text_role_name(TextRole(r)));
            CHECK(n > 0);
        }
        for (const auto& pair : pairs) {
            INFO(pair.name);
            CHECK(pair.text == text_colour(palette(dark), pair.role));
            CHECK(alpha_of(pair.background) == 255);
        }
    }
}

// WCAG 2.1 success criterion 1.4.3 (AA): text at least 4.5:1 against its background.
TEST_CASE("every text colour reads at WCAG AA on its background, in both themes", "[app][palette]") {
    for (bool dark : {true, false}) {
        const auto pairs = text_pairs(palette(dark));
        double worst = 21;
        std::string worst_name;
        for (const auto& pair : pairs) {
            const double ratio = contrast_ratio(pair.text, pair.background);
            if (ratio < worst) worst = ratio, worst_name = pair.name;
            INFO((dark ? "dark: " : "light: ") << pair.name << ": " << ratio << ":1");
            CHECK(ratio >= 4.5);
        }
        INFO((dark ? "dark" : "light") << " theme's lowest: " << worst_name << ": " << worst << ":1");
        CHECK(worst >= 4.5);
    }
}

TEST_CASE("severity colours and cell tints come from the palette", "[app][palette]") {
    for (bool dark : {true, false}) {
        const Palette& p = palette(dark);
        CHECK(severity_colour(p, eic::Severity::error) == p.error);
        CHECK(severity_colour(p, eic::Severity::warning) == p.warning);
        CHECK(severity_colour(p, eic::Severity::info) == p.info);
        CHECK(cell_tint(p, eic::Severity::warning) == with_alpha(p.warning, p.cell_tint_alpha));
        CHECK(p.cell_tint_alpha > 0);
        CHECK(p.cell_tint_alpha < 255);
    }
    CHECK(palette(true).error != palette(false).error);
}
