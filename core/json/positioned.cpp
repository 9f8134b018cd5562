#include "json/positioned.hpp"

#include <memory>

#include "diag/diagnostic.hpp"
#include "json/reader.hpp"

namespace eic::json {

std::optional<Position> PositionedDocument::value_at(const std::string& json_pointer) const {
    auto it = spots.find(json_pointer);
    if (it == spots.end()) return std::nullopt;
    return it->second.value;
}

std::optional<Position> PositionedDocument::key_at(const std::string& json_pointer) const {
    auto it = spots.find(json_pointer);
    if (it == spots.end() || it->second.key.line == 0) return std::nullopt;
    return it->second.key;
}

namespace {

using Json = nlohmann::ordered_json;
using Object = Json::object_t;
using Members = Object::Container;

// Objects up to this many members are searched linearly for duplicates; larger ones get a hash index,
// so a schema with thousands of keys does not read in quadratic time.
constexpr std::size_t kLinearMembers = 16;

class Builder {
public:
    Builder(std::string_view bytes, PositionedDocument& doc) : lines_(bytes), doc_(doc) {}

    bool begin_object(std::size_t offset) { return open(place(offset) = Json::object()); }
    bool begin_array(std::size_t offset) { return open(place(offset) = Json::array()); }
    bool end_object(std::size_t) { return close(); }
    bool end_array(std::size_t) { return close(); }
    bool key(std::string_view name, std::size_t offset) {
        key_.assign(name.data(), name.size());
        key_position_ = lines_.position(offset);
        return true;
    }
    bool string(std::string_view s, std::size_t offset) {
        place(offset) = std::string(s);
        return true;
    }
    bool boolean(bool v, std::size_t offset) {
        place(offset) = v;
        return true;
    }
    bool null(std::size_t offset) {
        place(offset) = nullptr;
        return true;
    }
    bool number(const Number& n, std::size_t offset) {
        if (n.integer) {
            std::int64_t i;
            if (to_int64(n.text, i) == Errc::none) {
                place(offset) = i;
                return true;
            }
            std::uint64_t u;
            if (!n.negative && to_uint64(n.text, u) == Errc::none) {
                place(offset) = u;
                return true;
            }
        }
        double d;
        Errc e = to_double(n.text, d);
        if (e != Errc::none) {
            number_error_ = json::number_error(e, offset);
            return false;
        }
        place(offset) = d;
        return true;
    }

    const Error& number_error() const { return number_error_; }
    const LineIndex& lines() const { return lines_; }

private:
    struct Frame {
        Json* node;
        std::size_t path_length;  // path_ of this container
        std::size_t next_index = 0;
        std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;  // name -> member slot
    };

    bool open(Json& node) {
        frames_.push_back(Frame{&node, path_.size(), 0, nullptr});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return true;
    }

    // The slot for a value starting at offset; sets path_ to its pointer and records its position.
    Json& place(std::size_t offset) {
        Position at = lines_.position(offset);
        if (frames_.empty()) {
            doc_.spots[""] = {at, Position{}};
            return doc_.value;
        }
        Frame& f = frames_.back();
        path_.resize(f.path_length);
        path_ += '/';
        if (f.node->is_array()) {
            path_ += std::to_string(f.next_index++);
            doc_.spots[path_] = {at, Position{}};
            f.node->push_back(nullptr);
            return f.node->back();
        }
        path_ += pointer_escape(key_);
        doc_.spots[path_] = {at, key_position_};
        Members& members = f.node->get_ref<Object&>();
        std::size_t found = find_member(f, members);
        if (found < members.size()) {
            doc_.duplicate_keys.emplace_back(path_, key_position_);
            forget_below(path_);
            return members[found].second;
        }
        if (f.index) f.index->emplace(key_, members.size());
        // Straight to the vector: ordered_map's own insert searches linearly again.
        members.emplace_back(key_, nullptr);
        if (!f.index && members.size() > kLinearMembers) {
            f.index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
            for (std::size_t i = 0; i < members.size(); ++i) f.index->emplace(members[i].first, i);
        }
        return members.back().second;
    }

    std::size_t find_member(const Frame& f, const Members& members) const {
        if (f.index) {
            auto it = f.index->find(key_);
            return it == f.index->end() ? members.size() : it->second;
        }
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i].first == key_) return i;
        return members.size();
    }

    // A repeated member replaces the earlier value; positions inside the old value must not linger.
    void forget_below(const std::string& pointer) {
        std::string prefix = pointer + "/";
        for (auto it = doc_.spots.begin(); it != doc_.spots.end();) {
            if (it->first.compare(0, prefix.size(), prefix) == 0)
                it = doc_.spots.erase(it);
            else
                ++it;
        }
    }

    LineIndex lines_;
    PositionedDocument& doc_;
    std::vector<Frame> frames_;
    std::string path_;
    std::string key_;
    Position key_position_;
    Error number_error_;
};

SyntaxError to_syntax_error(const Error& e, const LineIndex& lines) {
    SyntaxError s;
    s.errc = e.errc;
    s.code = e.code();
    s.message = e.message;
    s.offset = e.offset;
    s.position = lines.position(e.offset);
    return s;
}

}  // namespace

PositionedResult parse_positioned(std::string_view bytes, std::size_t max_depth) {
    PositionedResult result;
    PositionedDocument doc;
    Builder builder(bytes, doc);
    ReadOptions options;
    options.max_depth = max_depth;
    ReadResult r = read(bytes, builder, options);
    if (r.error) {
        result.error = to_syntax_error(r.error, builder.lines());
    } else if (r.stopped) {  // the builder stops only for a number it cannot hold
        result.error = to_syntax_error(builder.number_error(), builder.lines());
    } else {
        result.doc = std::move(doc);
    }
    return result;
}

}  // namespace eic::json
