#include "json/error.hpp"

namespace eic::json {

const char* errc_code(Errc e) {
    switch (e) {
        case Errc::none:
            return "";
        case Errc::syntax:
            return "json.syntax";
        case Errc::truncated:
            return "json.truncated";
        case Errc::bad_escape:
            return "json.bad-escape";
        case Errc::invalid_utf8:
            return "json.invalid-utf8";
        case Errc::control_char:
            return "json.control-char";
        case Errc::depth:
            return "json.depth";
        case Errc::trailing:
            return "json.trailing";
        case Errc::empty:
            return "json.empty";
        case Errc::number_overflow:
            return "json.number-overflow";
        case Errc::number_range:
            return "json.number-range";
        case Errc::not_integer:
            return "json.not-integer";
    }
    return "json.syntax";
}

}  // namespace eic::json
