// The Encord window's push of the Schema panel's draft (the Schema tab): the schema the user reviews the
// draft against, the plan a push would carry out, and the push itself (app::SchemaPushJob on the
// workspace's runner: fetch again, refuse if Encord changed, POST once, read back). What Encord has is
// taken from the connection's last fetch, a refused push's fetch, or a push's read-back, whichever came
// last, so after a refusal the plan shown is the new one and the user can confirm again.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/log.hpp"
#include "app/manifest_workspace.hpp"
#include "app/schema_comparison.hpp"
#include "app/schema_document.hpp"
#include "app/schema_push.hpp"
#include "encord/request_signer.hpp"

namespace eic::web {

class EncordSchemaPush {
public:
    // Once a frame: takes a schema the connection fetched, and ends a push that finished (a verified one
    // makes what Encord holds the draft's base: app::adopt_pushed_schema), logging the outcome.
    void update(app::SchemaDocument& doc, app::Log& log, double now_s);

    // What Encord has, as the page last read it (nullopt before a fetch, or after one that failed).
    const std::optional<nlohmann::ordered_json>& live() {
        take_fetch();
        return live_;
    }
    // The draft compared with live(); null without live(). Made again when either changed.
    const app::SchemaComparison* comparison(const app::SchemaDocument& doc);
    // Why the draft cannot be pushed now (no key, no live schema, a push running, app::cannot_push); "" when
    // it can.
    std::string cannot_push(const app::SchemaDocument& doc);

    // Starts pushing the plan of comparison(doc); false when cannot_push says why not.
    bool push(app::ManifestWorkspace& ws, const app::SchemaDocument& doc);
    const app::SchemaPushJob* job() const { return job_.get(); }
    // Until update() has ended it: the job may finish between frames (its answer arrives), before the
    // draft's base is set.
    bool running() const { return job_ && !job_handled_; }
    int pushes() const { return pushes_; }

private:
    // Takes a fetch of the connection's that ended since: a fetch may end between frames (its answer
    // arrives), and what the page shows or reports must follow it at once.
    void take_fetch();
    void refresh(const app::SchemaDocument& doc);

    std::optional<nlohmann::ordered_json> live_;
    int live_generation_ = 0, seen_fetches_ = 0;
    // The comparison's cache: of the document's revision and live's generation.
    std::optional<app::SchemaComparison> comparison_;
    Diagnostics checks_;
    std::uint64_t compared_revision_ = 0;
    int compared_generation_ = -1;

    std::shared_ptr<app::SchemaPushJob> job_;
    std::shared_ptr<encord::RequestSigner> signer_;  // the job's, kept while it may run
    bool job_handled_ = false;
    int pushes_ = 0;
};

EncordSchemaPush& encord_schema_push();

}  // namespace eic::web
