#include "app/share_link.hpp"

#include <catch2/catch.hpp>

using eic::app::kShareLinkMaxChars;
using eic::app::share_link_copied;
using eic::app::share_link_refusal;

TEST_CASE("a share link is copied up to its limit and refused beyond it, with the figures", "[app][share_link]") {
    CHECK(share_link_refusal(120, "a.json").empty());
    CHECK(share_link_refusal(kShareLinkMaxChars, "a.json").empty());
    const std::string refused = share_link_refusal(kShareLinkMaxChars + 1, "big.eic-schema.json");
    CHECK(refused ==
          "big.eic-schema.json is too large to share as a link: 8193 characters compressed, over the 8192 a "
          "link may have. Share it as a file (Save).");
    CHECK(share_link_copied(300, "a.json") ==
          "Copied a link to a.json (300 characters): opening it in eic loads the draft.");
}
