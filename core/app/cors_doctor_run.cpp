#include "app/cors_doctor_run.hpp"

#include "gcs/json_api.hpp"

namespace eic::app {

CorsDoctorRun::CorsDoctorRun(net::HttpClient& client, gcs::ProbeSigner* signer, CorsDoctorRequest request,
                             std::int64_t now_posix)
    : client_(client), signer_(signer), request_(std::move(request)) {
    // Only the XML API follows the bucket's CORS configuration: a JSON API probe would tell nothing.
    want_head_ = signer_ && signer_->api() == gcs::ProbeApi::xml && !request_.object.empty();
    want_config_ = !request_.token.empty();
    if (want_head_) {
        gcs::ProbeTarget t;
        t.method = "HEAD";
        t.bucket = request_.bucket;
        t.object = request_.object;
        ticket_ = signer_->start(t, now_posix);
        asked_.push_back("a signed HEAD of gs://" + request_.bucket + "/" + request_.object);
    }
    if (want_config_) {
        net::HttpRequest r;
        r.method = "GET";
        r.url = gcs::json_api_bucket_url(request_.json_endpoint, request_.bucket) + "?fields=cors";
        r.headers = {{"Authorization", "Bearer " + request_.token}};
        send(config_, std::move(r));
        asked_.push_back("the CORS configuration of gs://" + request_.bucket + " (JSON API, with the token)");
    }
    if (!want_head_ && !want_config_) finish();
}

CorsDoctorRun::~CorsDoctorRun() {
    if (ticket_ && signer_) signer_->forget(ticket_);
    for (Out* o : {&head_, &config_})
        if (o->id && !o->answer) client_.abort(o->id);
}

void CorsDoctorRun::send(Out& out, net::HttpRequest r) {
    out.id = client_.send(std::move(r));
    out.sent_at = now();
}

void CorsDoctorRun::poll(Out& out) {
    if (!out.id || out.answer) return;
    out.answer = client_.poll(out.id);
    if (out.answer || !request_.steady || now() - out.sent_at < request_.timeout_s) return;
    client_.abort(out.id);
    out.answer = net::HttpResponse{};
    out.answer->failure = net::Failure::timeout;
    out.answer->message = "no answer within " + std::to_string(int(request_.timeout_s)) + " s";
}

bool CorsDoctorRun::step() {
    if (finished()) return true;
    if (ticket_) {
        if (auto p = signer_->poll(ticket_)) {
            ticket_ = 0;
            signed_ = std::move(*p);
            if (signed_->ok())
                send(head_, signed_->http);
            else
                want_head_ = false;  // nothing was sent: the verdict goes without it
        }
    }
    poll(head_);
    poll(config_);
    const bool head_done = !want_head_ || head_.answer.has_value();
    const bool config_done = !want_config_ || config_.answer.has_value();
    if (head_done && config_done) finish();
    return finished();
}

void CorsDoctorRun::finish() {
    gcs::CorsEvidence e;
    e.origin = request_.origin;
    e.bucket = request_.bucket;
    e.uploads = request_.uploads;
    if (want_head_ && head_.answer) {
        e.xml_head = *head_.answer;
        // The transport classified a status-0 failure with a no-cors probe of the same URL: CORS means that
        // probe was answered (GCS was reached), network that it failed too.
        if (head_.answer->status == 0 && head_.answer->failure == net::Failure::cors) e.no_cors_reached = true;
        if (head_.answer->status == 0 && head_.answer->failure == net::Failure::network) e.no_cors_reached = false;
    }
    if (want_config_ && config_.answer) e.config = *config_.answer;
    if (request_.also_encord) e.also_allow = gcs::encord_app_origins();
    diagnosis_ = gcs::cors_diagnosis(e);
    if (signed_ && !signed_->ok())
        diagnosis_->explanation = "The HEAD could not be signed (" + signed_->error + "). " + diagnosis_->explanation;
}

}  // namespace eic::app
