#include "app/encord/encord_schema_push.hpp"

#include <cmath>

#include "app/bucket_check.hpp"
#include "app/clocks.hpp"
#include "app/counted.hpp"
#include "app/encord/encord_connection.hpp"
#include "time/rfc3339.hpp"

namespace eic::web {

EncordSchemaPush& encord_schema_push() {
    static EncordSchemaPush p;
    return p;
}

void EncordSchemaPush::take_fetch() {
    const EncordConnection& conn = encord_connection();
    const encord::FetchSchemaJob* fetch = conn.schema_job();
    if (conn.schema_fetches() == seen_fetches_ || !fetch || !fetch->finished()) return;
    seen_fetches_ = conn.schema_fetches();
    live_ = fetch->ok() ? fetch->schema() : std::nullopt;
    ++live_generation_;
}

void EncordSchemaPush::update(app::SchemaDocument& doc, app::Log& log, double now_s) {
    const EncordConnection& conn = encord_connection();
    take_fetch();
    if (!job_ || !job_->finished() || job_handled_) return;
    job_handled_ = true;
    signer_.reset();
    const app::SchemaPushJob& j = *job_;
    switch (j.outcome()) {
        case app::PushOutcome::verified:
            app::adopt_pushed_schema(doc, j.draft().schema, j.reviewed().result,
                                     calendar::rfc3339_utc(std::int64_t(std::floor(wall_seconds()))));
            live_ = j.read_back();
            ++live_generation_;
            log.add(app::LogLevel::info,
                    "Pushed the schema to " + conn.domain() + " and verified it (" +
                        app::counted(j.body().size(), "key") + ")",
                    now_s);
            break;
        case app::PushOutcome::differs:
            live_ = j.read_back();
            ++live_generation_;
            log.add(app::LogLevel::error,
                    "Pushed the schema to " + conn.domain() + ", but what Encord holds differs in " +
                        app::counted(j.differences().size(), "key"),
                    now_s);
            break;
        case app::PushOutcome::refused:
            live_ = j.live();
            ++live_generation_;
            log.add(app::LogLevel::warning,
                    "Did not push the schema: Encord's changed since it was fetched (" +
                        app::counted(j.changed_since().size(), "change") + ")",
                    now_s);
            break;
        case app::PushOutcome::failed:
            log.add(app::LogLevel::error,
                    "The schema push failed: " + (j.failure() ? failure_text(*j.failure()) : std::string("cancelled")),
                    now_s);
            break;
        case app::PushOutcome::not_pushable:
        case app::PushOutcome::running:
            break;
    }
}

void EncordSchemaPush::refresh(const app::SchemaDocument& doc) {
    take_fetch();
    if (compared_generation_ == live_generation_ && compared_revision_ == doc.revision()) return;
    compared_generation_ = live_generation_;
    compared_revision_ = doc.revision();
    comparison_.reset();
    checks_.clear();
    if (!live_) return;
    comparison_ = app::compare_schema(doc.draft(), live_->dump());
    checks_ = doc.check();
}

const app::SchemaComparison* EncordSchemaPush::comparison(const app::SchemaDocument& doc) {
    refresh(doc);
    return comparison_ ? &*comparison_ : nullptr;
}

std::string EncordSchemaPush::cannot_push(const app::SchemaDocument& doc) {
    if (encord_connection().key_state() != EncordConnection::KeyState::ready) return "Open your Encord key first.";
    if (running()) return "A push is under way.";
    const app::SchemaComparison* c = comparison(doc);
    if (!c) return "Fetch the live schema first.";
    if (!c->plan) return "Encord's schema could not be read, so there is no plan to push.";
    return app::cannot_push(*c->plan, checks_);
}

bool EncordSchemaPush::push(app::ManifestWorkspace& ws, const app::SchemaDocument& doc) {
    if (!cannot_push(doc).empty()) return false;
    std::optional<EncordConnection::Calls> calls = encord_connection().calls();
    if (!calls) return false;
    signer_ = calls->signer;
    job_ = std::make_shared<app::SchemaPushJob>(calls->context, doc.draft(), *comparison_->plan);
    job_handled_ = false;
    ws.run_job(std::make_unique<app::SharedJob>(job_));
    ++pushes_;
    return true;
}

}  // namespace eic::web
