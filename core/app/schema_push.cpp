#include "app/schema_push.hpp"

#include <algorithm>

#include "app/counted.hpp"
#include "diag/report.hpp"
#include "schema/transition.hpp"
#include "schema/wire.hpp"

namespace eic::app {

std::string cannot_push(const schema::Plan& plan, const Diagnostics& draft_checks) {
    if (!plan.applicable()) {
        const std::size_t errors = report::count(plan.diagnostics).errors;
        const std::size_t refusals = errors - std::min(errors, plan.conflicts.size());
        std::string what;
        if (!plan.conflicts.empty()) what = counted(plan.conflicts.size(), "conflict");
        if (refusals) what += (what.empty() ? "" : " and ") + counted(refusals, "change") + " Encord would refuse";
        return "Not pushable: " + what + " (the comparison in the Schema panel says why).";
    }
    if (!plan.has_changes()) return "Nothing to push: Encord already has the draft's schema.";
    if (const std::size_t errors = report::count(draft_checks).errors)
        return "The draft has " + counted(errors, "error") + ": fix them in the Schema panel first.";
    return "";
}

const char* push_outcome_name(PushOutcome outcome) {
    switch (outcome) {
        case PushOutcome::running:
            return "running";
        case PushOutcome::not_pushable:
            return "not-pushable";
        case PushOutcome::refused:
            return "refused";
        case PushOutcome::failed:
            return "failed";
        case PushOutcome::verified:
            return "verified";
        case PushOutcome::differs:
            return "differs";
    }
    return "?";
}

SchemaPushJob::SchemaPushJob(const encord::ApiContext& context, schema::Draft draft, schema::Plan reviewed)
    : context_(context), draft_(std::move(draft)), reviewed_(std::move(reviewed)) {
    not_pushable_ = cannot_push(reviewed_);
    if (!not_pushable_.empty())
        ended(PushOutcome::not_pushable);
    else
        fetch_ = std::make_unique<encord::FetchSchemaJob>(context_);
}

jobs::StepStatus SchemaPushJob::step(std::size_t max_bytes) {
    if (finished()) return jobs::StepStatus::finished;
    jobs::Job& inner = push_ ? static_cast<jobs::Job&>(*push_) : *fetch_;
    const jobs::StepStatus status = inner.step(max_bytes);
    if (status == jobs::StepStatus::waiting) return status;
    if (inner.finished()) {
        if (push_) {
            failure_ = push_->failure();
            ended(!push_->ok()        ? PushOutcome::failed
                  : push_->verified() ? PushOutcome::verified
                                      : PushOutcome::differs);
        } else {
            fetched();
        }
    }
    return finished() ? jobs::StepStatus::finished : jobs::StepStatus::running;
}

void SchemaPushJob::fetched() {
    if (!fetch_->ok()) {
        failure_ = fetch_->failure();
        return ended(PushOutcome::failed);
    }
    live_ = fetch_->schema();
    // Read as the page read the schema the plan was made against (compare_schema), so that the two are
    // compared as Encord's schemas, not as texts.
    SchemaComparison fresh = compare_schema(draft_, live_->dump());
    if (!fresh.plan) {
        encord::ParseError e;
        e.message = "Encord's schema, fetched again before pushing, could not be read: " +
                    (fresh.load_errors.empty() ? std::string("no schema") : fresh.load_errors.front().message);
        failure_ = encord::ApiJobFailure{std::nullopt, e};
        return ended(PushOutcome::failed);
    }
    if (fresh.plan->remote != reviewed_.remote) {
        changed_since_ = schema::changes_between(reviewed_.remote, fresh.plan->remote);
        fresh_plan_ = std::move(fresh.plan);
        return ended(PushOutcome::refused);
    }
    std::optional<nlohmann::ordered_json> body = schema::apply_plan(reviewed_);
    if (!body) {  // cannot happen: the plan was applicable when the job began
        not_pushable_ = cannot_push(reviewed_);
        return ended(PushOutcome::not_pushable);
    }
    body_ = std::move(*body);
    push_ = std::make_unique<encord::PushSchemaJob>(context_, body_);
}

double SchemaPushJob::progress() const {
    if (finished()) return 1.0;
    return push_ ? (push_->pushed() ? 0.8 : 0.4) : 0.1;
}

void SchemaPushJob::cancel() {
    if (finished()) return;
    jobs::Job& inner = push_ ? static_cast<jobs::Job&>(*push_) : *fetch_;
    inner.cancel();
    failure_ = push_ ? push_->failure() : fetch_->failure();
    ended(PushOutcome::failed);
}

std::string SchemaPushJob::label() const {
    switch (outcome_) {
        case PushOutcome::running:
            return !push_ ? "Pushing the schema: reading Encord's first" : "Pushing the schema";
        case PushOutcome::verified:
            return "Pushed the schema: verified";
        case PushOutcome::differs:
            return "Pushed the schema: Encord's differs";
        case PushOutcome::refused:
            return "Schema not pushed: Encord's changed";
        case PushOutcome::not_pushable:
        case PushOutcome::failed:
            break;
    }
    return "Schema not pushed";
}

std::vector<std::string> SchemaPushJob::differences() const {
    return push_ ? push_->differences() : std::vector<std::string>{};
}

const std::optional<nlohmann::ordered_json>& SchemaPushJob::read_back() const {
    static const std::optional<nlohmann::ordered_json> none;
    return push_ ? push_->read_back() : none;
}

int SchemaPushJob::requests() const { return (fetch_ ? fetch_->requests() : 0) + (push_ ? push_->requests() : 0); }

void adopt_pushed_schema(SchemaDocument& doc, const schema::Schema& sent, const schema::Schema& pushed,
                         std::string at) {
    doc.edit("Pushed to Encord", [&](schema::Draft& d) {
        for (const auto& [key, entry] : pushed) {
            const schema::KeyEntry* now = d.schema.find(key);
            const schema::KeyEntry* then = sent.find(key);
            const bool untouched = now == then || (now && then && *now == *then);
            if (untouched) d.schema.put(key, *entry);
        }
        schema::DraftBase base;
        base.fetched_at = std::move(at);
        base.schema = pushed;
        d.base = std::move(base);
        return Diagnostics{};
    });
}

}  // namespace eic::app
