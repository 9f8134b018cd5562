#include "encord/python_json.hpp"

#include <cmath>
#include <string>

namespace eic::encord {
namespace {

using Json = nlohmann::ordered_json;

// nlohmann's ensure_ascii escapes exactly what Python's does (below U+0020 and from U+007F, lower-case
// hex, surrogate pairs; \b \f \n \r \t short), and `replace` turns bytes that are not UTF-8 into U+FFFD.
std::string dump_scalar(const Json& v) { return v.dump(-1, ' ', true, Json::error_handler_t::replace); }

}  // namespace

void append_python_string(std::string& out, std::string_view utf8) { out += dump_scalar(Json(std::string(utf8))); }

std::string python_float(double value) {
    if (!std::isfinite(value)) return "null";
    if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
    // nlohmann writes the shortest digits that read back to the same double (as repr does), but switches
    // to an exponent at other places; take its digits and decimal exponent, then lay them out as repr.
    const std::string text = Json(value).dump();
    std::string digits;
    int exponent = 0;  // value = 0.DIGITS x 10^decpt, below
    int point = -1;    // digits before the decimal point
    std::size_t i = text[0] == '-' ? 1 : 0;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.')
            point = int(digits.size());
        else
            digits += text[i];
    }
    if (i < text.size()) exponent = std::stoi(text.substr(i + 1));
    if (point < 0) point = int(digits.size());
    // Leading zeros ("0.0001") and trailing zeros ("100.0") carry no digits.
    std::size_t lead = 0;
    while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
    digits.erase(0, lead);
    point -= int(lead);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    const int decpt = point + exponent;  // value = 0.DIGITS x 10^decpt

    std::string out = value < 0 ? "-" : "";
    if (decpt > -4 && decpt <= 16) {  // float_repr_style 'short', mode 'r': fixed notation
        if (decpt <= 0) {
            out += "0." + std::string(std::size_t(-decpt), '0') + digits;
        } else if (std::size_t(decpt) >= digits.size()) {
            out += digits + std::string(std::size_t(decpt) - digits.size(), '0') + ".0";
        } else {
            out += digits.substr(0, std::size_t(decpt)) + "." + digits.substr(std::size_t(decpt));
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    const int e = decpt - 1;
    const std::string magnitude = std::to_string(e < 0 ? -e : e);
    out += e < 0 ? "e-" : "e+";
    out += magnitude.size() < 2 ? "0" + magnitude : magnitude;
    return out;
}

void append_python_json(std::string& out, const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: {
            out += '{';
            bool first = true;
            for (const auto& [key, member] : value.items()) {
                if (!first) out += ", ";
                first = false;
                append_python_string(out, key);
                out += ": ";
                append_python_json(out, member);
            }
            out += '}';
            return;
        }
        case Json::value_t::array: {
            out += '[';
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (i) out += ", ";
                append_python_json(out, value[i]);
            }
            out += ']';
            return;
        }
        case Json::value_t::number_float:
            out += python_float(value.get<double>());
            return;
        default:  // strings, integers, booleans, null: as nlohmann writes them with ensure_ascii
            out += dump_scalar(value);
            return;
    }
}

std::string python_json(const Json& value) {
    std::string out;
    append_python_json(out, value);
    return out;
}

}  // namespace eic::encord
