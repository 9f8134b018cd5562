// Pushing the Schema panel's draft to Encord, safely (the Encord window's "Push to Encord…"). The POST
// overwrites the organisation's whole schema map and Encord offers no version check, so the job:
// 1. fetches the live schema again just before pushing (encord::FetchSchemaJob) and, when it differs
//    from the schema the confirmed plan was made against, refuses without POSTing: it gives what changed
//    in Encord since and the plan made again against what Encord has now, for the user to review;
// 2. otherwise POSTs the confirmed plan's body (schema::apply_plan) once, never again, and reads the
//    schema back (encord::PushSchemaJob), the "Verify Your Schema" step of Encord's GCP import guide.
// After a verified push, adopt_pushed_schema makes what Encord now holds the draft's base.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/schema_comparison.hpp"
#include "app/schema_document.hpp"
#include "diag/diagnostic.hpp"
#include "encord/api_job.hpp"
#include "jobs/job_runner.hpp"
#include "schema/draft.hpp"
#include "schema/plan.hpp"

namespace eic::app {

// Why `plan` cannot be pushed, in words for the disabled button; empty when it can. `draft_checks` are
// the draft's own findings (SchemaDocument::check): a draft with errors is not pushed.
std::string cannot_push(const schema::Plan& plan, const Diagnostics& draft_checks = {});

enum class PushOutcome {
    running,
    not_pushable,  // cannot_push said why; nothing was sent
    refused,       // Encord's schema changed since the plan was made; nothing was POSTed
    failed,        // a call failed (the fetch before, the POST, or the read-back); see failure()
    verified,      // pushed, and the schema read back is the one pushed
    differs,       // pushed, but the schema read back differs (differences())
};
const char* push_outcome_name(PushOutcome outcome);  // "running", "not-pushable", "refused", ...

class SchemaPushJob : public jobs::Job {
public:
    // `draft`: the draft as confirmed; `reviewed`: the plan the user confirmed, made from that draft
    // against the live schema they fetched (plan.remote).
    SchemaPushJob(const encord::ApiContext& context, schema::Draft draft, schema::Plan reviewed);

    jobs::StepStatus step(std::size_t max_bytes) override;
    double progress() const override;
    void cancel() override;
    bool finished() const override { return outcome_ != PushOutcome::running; }
    std::string label() const override;

    PushOutcome outcome() const { return outcome_; }
    const std::string& not_pushable_reason() const { return not_pushable_; }
    const schema::Plan& reviewed() const { return reviewed_; }
    const schema::Draft& draft() const { return draft_; }
    bool posting() const { return push_ != nullptr; }  // the fetch before is done; the POST was started

    // The map fetched just before pushing (set once that fetch succeeded).
    const std::optional<nlohmann::ordered_json>& live() const { return live_; }
    // Refused: what changed in Encord since the plan's remote, and the plan made again against it.
    const std::vector<schema::Change>& changed_since() const { return changed_since_; }
    const std::optional<schema::Plan>& fresh_plan() const { return fresh_plan_; }

    // The body POSTed (null until the POST was started).
    const nlohmann::ordered_json& body() const { return body_; }
    bool pushed() const { return push_ && push_->pushed(); }  // Encord accepted the POST
    bool verified() const { return outcome_ == PushOutcome::verified; }
    std::vector<std::string> differences() const;  // keys whose read-back differs from what was pushed
    // What Encord holds after the push, read back (set when the read-back succeeded).
    const std::optional<nlohmann::ordered_json>& read_back() const;
    const std::optional<encord::ApiJobFailure>& failure() const { return failure_; }
    int requests() const;  // sends in all, retries included

private:
    void fetched();  // the fetch before the POST ended
    void ended(PushOutcome outcome) { outcome_ = outcome; }

    encord::ApiContext context_;
    schema::Draft draft_;
    schema::Plan reviewed_;
    PushOutcome outcome_ = PushOutcome::running;
    std::string not_pushable_;
    std::unique_ptr<encord::FetchSchemaJob> fetch_;
    std::unique_ptr<encord::PushSchemaJob> push_;
    std::optional<nlohmann::ordered_json> live_;
    std::vector<schema::Change> changed_since_;
    std::optional<schema::Plan> fresh_plan_;
    nlohmann::ordered_json body_;
    std::optional<encord::ApiJobFailure> failure_;
};

// After a verified push Encord holds `pushed`: it becomes the draft's base (fetched at `at`, RFC 3339),
// so the next diff knows what Encord has, and the keys the draft has not changed since the push started
// (`sent`: the draft's schema then) take Encord's version, so that changes made in Encord by someone else,
// which the push kept, do not read as the draft undoing them. An edit of the document ("Pushed to
// Encord"), saved and undone like any other.
void adopt_pushed_schema(SchemaDocument& doc, const schema::Schema& sent, const schema::Schema& pushed, std::string at);

}  // namespace eic::app
