#include "app/log.hpp"

#include <fmt/format.h>

namespace eic::app {

const char* log_level_name(LogLevel level) {
    switch (level) {
        case LogLevel::debug:
            return "debug";
        case LogLevel::info:
            return "info";
        case LogLevel::warning:
            return "warning";
        case LogLevel::error:
            return "error";
    }
    return "info";
}

void Log::add(LogLevel level, std::string message, double time_s) {
    if (entries_.size() == capacity_) entries_.pop_front();
    entries_.push_back(LogEntry{next_seq_++, time_s, level, std::move(message)});
}

void Log::notify(LogLevel level, std::string message, double time_s) {
    constexpr std::size_t kMaxNotices = 8;  // older ones give way; their entries stay in the Log
    for (Notice& n : notices_)
        if (n.level == level && n.message == message) {
            ++n.repeats;
            add(level, std::move(message), time_s);
            return;
        }
    if (notices_.size() == kMaxNotices) notices_.pop_front();
    notices_.push_back(Notice{next_seq_, level, message, 1});
    add(level, std::move(message), time_s);
}

void Log::dismiss(std::uint64_t seq) {
    for (auto it = notices_.begin(); it != notices_.end(); ++it)
        if (it->seq == seq) {
            notices_.erase(it);
            return;
        }
}

void Log::clear() {
    cleared_ += entries_.size();
    entries_.clear();
}

std::size_t Log::count(LogLevel level) const {
    std::size_t n = 0;
    for (const auto& e : entries_) n += e.level == level;
    return n;
}

std::string Log::to_text() const {
    std::string out;
    for (const auto& e : entries_)
        out += fmt::format("{:9.3f} {:<7} {}\n", e.time_s, log_level_name(e.level), e.message);
    return out;
}

}  // namespace eic::app
