// The app's log: what the Log panel shows and the JS API reports. A bounded ring so a long session
// cannot grow without limit. Callers must never pass secrets (keys, tokens, signed URLs) here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>

namespace eic::app {

enum class LogLevel { debug, info, warning, error };

const char* log_level_name(LogLevel level);

struct LogEntry {
    std::uint64_t seq = 0;  // increases by one per entry, never reused
    double time_s = 0;      // seconds since the app started
    LogLevel level = LogLevel::info;
    std::string message;
};

// A message shown where the user is, over the canvas, until they dismiss it: a failure must not be
// seen only in the Log. Its entry stays in the Log as the record.
struct Notice {
    std::uint64_t seq = 0;  // the Log entry's
    LogLevel level = LogLevel::info;
    std::string message;
    std::size_t repeats = 1;  // the same message again while shown counts here instead of stacking
};

class Log {
public:
    explicit Log(std::size_t capacity = 5000) : capacity_(capacity ? capacity : 1) {}

    void add(LogLevel level, std::string message, double time_s = 0);
    void clear();  // the entries; notices stay until dismissed

    // Logs the message and shows it as a notice until dismissed.
    void notify(LogLevel level, std::string message, double time_s = 0);
    const std::deque<Notice>& notices() const { return notices_; }
    void dismiss(std::uint64_t seq);
    void dismiss_all() { notices_.clear(); }

    const std::deque<LogEntry>& entries() const { return entries_; }
    std::uint64_t total() const { return next_seq_; }  // entries ever added
    std::uint64_t dropped() const { return next_seq_ - entries_.size() - cleared_; }
    std::size_t count(LogLevel level) const;

    // Plain text of the visible entries, one per line, for copying into a bug report.
    std::string to_text() const;

private:
    std::size_t capacity_;
    std::deque<LogEntry> entries_;
    std::deque<Notice> notices_;
    std::uint64_t next_seq_ = 0;
    std::uint64_t cleared_ = 0;
};

}  // namespace eic::app
