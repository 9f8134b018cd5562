// Inline scanning primitives for the reader's hot loop. Internal to core/json.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

// The reader's loop is large, so compilers (GCC natively, clang for wasm) leave small helpers out
// of line; a call per token costs more than the helper. Force them in.
#if defined(__GNUC__)
#define EIC_JSON_INLINE inline __attribute__((always_inline))
#else
#define EIC_JSON_INLINE inline
#endif

namespace eic::json::detail {

EIC_JSON_INLINE bool is_ws(unsigned char c) {
    // One compare for the common case (a token byte), then a bit test instead of four compares.
    return c <= ' ' && ((std::uint64_t(1) << c) & ((1ull << ' ') | (1ull << '\n') | (1ull << '\r') | (1ull << '\t')));
}

EIC_JSON_INLINE const char* skip_ws(const char* p, const char* end) {
    while (p < end && is_ws(static_cast<unsigned char>(*p))) ++p;
    return p;
}

// First byte at or after p that a string body cannot pass over blindly: '"', '\\', a control
// character or a non-ASCII byte (which needs UTF-8 validation). Returns end if none.
EIC_JSON_INLINE const char* skip_plain_string(const char* p, const char* end) {
    // Sixteen bytes at a time where the machine has vectors. A signed compare with 0x20 finds control
    // bytes and non-ASCII bytes (negative as signed) in one step.
#if defined(__wasm_simd128__)
    while (end - p >= 16) {
        const v128_t w = wasm_v128_load(p);
        const v128_t hit = wasm_v128_or(
            wasm_v128_or(wasm_i8x16_eq(w, wasm_i8x16_splat('"')), wasm_i8x16_eq(w, wasm_i8x16_splat('\\'))),
            wasm_i8x16_lt(w, wasm_i8x16_splat(0x20)));
        if (const std::uint32_t m = wasm_i8x16_bitmask(hit)) return p + __builtin_ctz(m);
        p += 16;
    }
#elif defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
                         _mm_cmplt_epi8(w, _mm_set1_epi8(0x20)));
        if (const int m = _mm_movemask_epi8(hit)) return p + __builtin_ctz(unsigned(m));
        p += 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        // Each term is exact about "some byte matches" and about the lowest matching byte, which is
        // all we need: borrows only create false hits above a true one.
        std::uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | (w - ones * 0x20) | w;
        hit &= highs;
        if (hit) return p + (__builtin_ctzll(hit) >> 3);
        p += 8;
    }
#endif
    while (p < end) {
        unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return p;
        ++p;
    }
    return p;
}

EIC_JSON_INLINE bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Fractions in manifests (embeddings, scores) are long digit runs: take them eight at a time.
EIC_JSON_INLINE const char* skip_digits(const char* p, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (end - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        std::uint64_t x = w ^ (ones * '0');  // a digit becomes 0..9
        // Per byte, without carries between bytes: high bit set iff the byte is not 0..9.
        std::uint64_t not_digit = (((x & (ones * 0x7F)) + ones * 0x76) | x) & highs;
        if (not_digit) return p + (__builtin_ctzll(not_digit) >> 3);
        p += 8;
    }
#endif
    while (p < end && is_digit(*p)) ++p;
    return p;
}

}  // namespace eic::json::detail
