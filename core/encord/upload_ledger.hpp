// The ledger of an upload run (encord/upload_run.hpp): per batch, how far it got with Encord, so that
// the page can save it after every change and follow the jobs again after a reload. The job UUIDs are
// the only handle on jobs Encord is running; without them a reload would lose them.
//
// The rule that makes a reload safe: an entry is written `starting` BEFORE its upload-job start (a POST
// that is never sent again, encord/api_requests.hpp upload_job_start) goes out. A ledger found with an
// entry `starting` was saved while that POST was out, so whether Encord started the job is not known:
// on resume it becomes `unknown_outcome`, and is never sent again automatically.
//
// The file form, strict (unknown members and states are errors, so a ledger of a later eic is refused
// rather than misread):
//   {"format": "eic-upload-ledger", "version": 1, "domain", "folderUuid", "integrationUuid",
//    "ignoreErrors", "manifestFileName", "createdAt": POSIX seconds,
//    "batches": [{"batch": 0, "fileName", "state": "planned"|"starting"|"started"|"unknown_outcome"|
//                 "rejected"|"final", "jobUuid"?, "status"?: "PENDING"|"DONE"|"ERROR"|"CANCELLED",
//                 "counts"?: {"pending", "done", "error", "cancelled"}, "message"?}]}
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "encord/api_responses.hpp"

namespace eic::encord {

inline constexpr const char* kLedgerFormat = "eic-upload-ledger";
inline constexpr int kLedgerVersion = 1;

enum class BatchState {
    planned,          // not sent
    starting,         // its start POST is (or was, when read from a file) out
    started,          // Encord gave the job UUID; not final when last seen
    unknown_outcome,  // the start POST got no answer: the job may or may not exist; never re-sent
    rejected,         // Encord answered the start with an error: no job was made; safe to send again
    final,            // the job ended: DONE, ERROR or CANCELLED
};
const char* batch_state_name(BatchState state);

struct UnitCounts {
    std::uint64_t pending = 0, done = 0, error = 0, cancelled = 0;
    std::uint64_t total() const { return pending + done + error + cancelled; }
    bool operator==(const UnitCounts& o) const {
        return pending == o.pending && done == o.done && error == o.error && cancelled == o.cancelled;
    }
};

struct LedgerEntry {
    std::size_t batch = 0;  // index in the plan
    std::string file_name;  // the batch's fileName
    BatchState state = BatchState::planned;
    std::string job_uuid;              // started and final
    std::optional<JobStatus> status;   // the last status Encord reported
    std::optional<UnitCounts> counts;  // the last counts Encord reported
    std::string message;               // why: unknown outcome, rejection; empty otherwise
};

struct UploadLedger {
    std::string domain;  // the Encord domain the jobs live on
    std::string folder_uuid;
    std::string integration_uuid;
    bool ignore_errors = false;
    std::string manifest_file_name;
    std::int64_t created_at = 0;  // POSIX seconds
    std::vector<LedgerEntry> entries;
};

std::string to_json(const UploadLedger& ledger);
// Strict: every error names its place as a JSON pointer.
Parsed<UploadLedger> parse_ledger(std::string_view text);

}  // namespace eic::encord
