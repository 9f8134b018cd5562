#include "app/unit_fields.hpp"

#include <cmath>

#include "json/number.hpp"
#include "json/reader.hpp"
#include "manifest/format.hpp"

namespace eic::app {

namespace {

// The key of an item's first (or only) file: objectUrl, objectUrl_0, or their snake_case forms.
bool is_first_url(std::string_view k) {
    namespace format = manifest::format;
    for (bool grouped : {false, true}) {
        const std::string_view name = grouped ? format::kGroupUrlPrefix : format::kObjectUrl;
        for (std::string_view spelled : {name, format::snake_spelling(name)}) {
            if (!grouped && k == spelled) return true;
            if (grouped && k.size() == spelled.size() + 1 && k.substr(0, spelled.size()) == spelled && k.back() == '0')
                return true;
        }
    }
    return false;
}

// Finds the one value at depth 1 (an item field) or depth 2 (under clientMetadata) and stops there.
struct Finder {
    FieldKind kind;
    std::string_view wanted;
    int depth = 0;
    bool in_meta = false;      // inside clientMetadata (depth 2)
    bool target_next = false;  // the next value is the one wanted
    bool meta_next = false;    // the next value is clientMetadata
    // Result
    enum class Got { none, scalar, container } got = Got::none;
    std::string text;
    double value = 0;
    bool is_number = false;
    // Embedding capture
    float* out = nullptr;
    std::size_t dim = 0, n = 0;
    bool in_target_array = false, bad = false;

    bool begin_object(std::size_t) {
        if (target_next) {
            got = Got::container;
            return false;
        }
        if (meta_next) {
            meta_next = false;
            in_meta = true;
        }
        ++depth;
        return true;
    }
    bool end_object(std::size_t) {
        --depth;
        if (in_meta && depth == 1) in_meta = false;
        return depth > 0;
    }
    bool begin_array(std::size_t) {
        if (target_next) {
            if (!out) {
                got = Got::container;
                return false;
            }
            target_next = false;
            in_target_array = true;
            return true;
        }
        meta_next = false;
        if (in_target_array) {
            bad = true;
            return false;
        }
        ++depth;
        return true;
    }
    bool end_array(std::size_t) {
        if (in_target_array) {
            got = Got::container;
            return false;
        }
        --depth;
        return true;
    }
    bool key(std::string_view k, std::size_t) {
        if (depth == 1) {
            switch (kind) {
                case FieldKind::title:
                    target_next = k == manifest::format::kTitle;
                    break;
                case FieldKind::url:
                    target_next = is_first_url(k);
                    break;
                case FieldKind::metadata:
                    meta_next = k == manifest::format::kClientMetadata ||
                                k == manifest::format::snake_spelling(manifest::format::kClientMetadata);
                    break;
            }
        } else if (depth == 2 && in_meta) {
            target_next = k == wanted;
        }
        return true;
    }
    bool scalar(std::string s) {
        meta_next = false;
        if (!target_next) return true;
        got = Got::scalar;
        text = std::move(s);
        return false;
    }
    bool string(std::string_view s, std::size_t) {
        if (in_target_array) {
            bad = true;
            return false;
        }
        return scalar(std::string(s));
    }
    bool number_(const json::Number& num) {
        if (in_target_array) {
            double d = 0;
            if (n >= dim || json::to_double(num.text, d) != json::Errc::none || !std::isfinite(d)) {
                bad = true;
                return false;
            }
            out[n++] = float(d);
            return true;
        }
        if (!target_next) {
            meta_next = false;
            return true;
        }
        is_number = json::to_double(num.text, value) == json::Errc::none && std::isfinite(value);
        return scalar(std::string(num.text));
    }
    bool number(const json::Number& num, std::size_t) { return number_(num); }
    bool boolean(bool b, std::size_t) {
        if (in_target_array) {
            bad = true;
            return false;
        }
        return scalar(b ? "true" : "false");
    }
    bool null(std::size_t) {
        if (in_target_array) {
            bad = true;
            return false;
        }
        meta_next = false;
        if (target_next) {
            got = Got::container;  // null is not a value a cell shows
            return false;
        }
        return true;
    }
};

}  // namespace

std::optional<std::string> field_value(std::string_view unit, FieldKind kind, std::string_view key) {
    Finder f{kind, key};
    json::read(unit, f);
    if (f.got != Finder::Got::scalar) return std::nullopt;
    return std::move(f.text);
}

std::optional<double> metadata_number(std::string_view unit, std::string_view key) {
    Finder f{FieldKind::metadata, key};
    json::read(unit, f);
    if (f.got != Finder::Got::scalar || !f.is_number) return std::nullopt;
    return f.value;
}

bool metadata_embedding(std::string_view unit, std::string_view key, std::size_t dim, float* out) {
    Finder f{FieldKind::metadata, key};
    f.out = out;
    f.dim = dim;
    json::read(unit, f);
    return f.got == Finder::Got::container && !f.bad && f.n == dim;
}

}  // namespace eic::app
