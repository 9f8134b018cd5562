#include "manifest/values.hpp"

#include <catch2/catch.hpp>
#include <string>

using eic::manifest::same_text;

TEST_CASE("same_text: equal texts at every length the word compares split on", "[manifest][values]") {
    const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (std::size_t n = 0; n <= base.size(); ++n) {
        INFO("length " << n);
        const std::string a = base.substr(0, n);
        std::string b = a;  // another buffer, so no compare can pass on equal pointers
        CHECK(same_text(a, b));
        for (std::size_t i = 0; i < n; ++i) {  // one byte off, anywhere, is a difference
            b[i] = char(b[i] ^ 0x20);
            CHECK_FALSE(same_text(a, b));
            b[i] = a[i];
        }
        if (n) CHECK_FALSE(same_text(a, a.substr(0, n - 1)));
    }
}
