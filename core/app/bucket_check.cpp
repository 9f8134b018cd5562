#include "app/bucket_check.hpp"

#include <algorithm>

namespace eic::app {

std::vector<CheckedUrl> object_urls_of(const ManifestDocument& doc) {
    std::vector<CheckedUrl> out;
    const std::size_t n = doc.units().size();
    for (std::uint32_t unit = 0; unit < n; ++unit) {
        const manifest::Item* item = doc.item(unit);
        if (!item) continue;  // deleted
        for (std::uint32_t i = 0; i < item->urls.size(); ++i) out.push_back({unit, i, item->urls[i]});
    }
    return out;
}

BucketCheck::BucketCheck(std::vector<CheckedUrl> urls, std::uint64_t revision)
    : urls_(std::move(urls)), revision_(revision) {}

std::vector<gcs::ObjectCheckTarget> BucketCheck::targets() const {
    std::vector<gcs::ObjectCheckTarget> out;
    out.reserve(urls_.size());
    for (std::size_t i = 0; i < urls_.size(); ++i) out.push_back({i, urls_[i].url});
    return out;
}

std::shared_ptr<gcs::ObjectCheckJob> BucketCheck::start(net::HttpClient& client, gcs::ProbeSigner& signer,
                                                        gcs::ObjectCheckOptions options) {
    if (job_ && !job_->finished()) job_->cancel();
    if (job_ && options.previous.empty()) options.previous = job_->results();
    job_ = std::make_shared<gcs::ObjectCheckJob>(targets(), client, signer, std::move(options));
    return job_;
}

const std::vector<gcs::ObjectResult>& BucketCheck::results() const { return job_ ? job_->results() : none_; }

int state_rank(gcs::ObjectState s) {
    switch (s) {
        case gcs::ObjectState::pending:
        case gcs::ObjectState::needs_token:  // waiting for a token: says nothing of the object yet
            return 0;
        case gcs::ObjectState::exists:
            return 1;
        case gcs::ObjectState::timeout:
            return 2;
        case gcs::ObjectState::error:
            return 3;
        case gcs::ObjectState::blocked_cors_or_network:
            return 4;
        case gcs::ObjectState::blocked_policy:
            return 5;
        case gcs::ObjectState::not_checkable:
            return 6;
        case gcs::ObjectState::forbidden:
            return 7;
        case gcs::ObjectState::missing:
            return 8;
    }
    return 0;
}

const char* state_word(gcs::ObjectState s) {
    switch (s) {
        case gcs::ObjectState::pending:
            return "";
        case gcs::ObjectState::needs_token:
            return "needs a token";
        case gcs::ObjectState::exists:
            return "exists";
        case gcs::ObjectState::missing:
            return "missing";
        case gcs::ObjectState::forbidden:
            return "forbidden";
        case gcs::ObjectState::blocked_policy:
            return "blocked (CSP)";
        case gcs::ObjectState::blocked_cors_or_network:
            return "blocked (CORS/network)";
        case gcs::ObjectState::timeout:
            return "timed out";
        case gcs::ObjectState::not_checkable:
            return "not checkable";
        case gcs::ObjectState::error:
            return "check failed";
    }
    return "";
}

gcs::ObjectState BucketCheck::unit_state(std::uint32_t unit) const {
    gcs::ObjectState worst = gcs::ObjectState::pending;
    bool any = false, all_exist = true;
    const auto& rs = results();
    // urls_ is in unit order: find the unit's run.
    auto first = std::lower_bound(urls_.begin(), urls_.end(), unit,
                                  [](const CheckedUrl& u, std::uint32_t v) { return u.unit < v; });
    for (auto it = first; it != urls_.end() && it->unit == unit; ++it) {
        const std::size_t i = std::size_t(it - urls_.begin());
        const gcs::ObjectState s = i < rs.size() ? rs[i].state : gcs::ObjectState::pending;
        any = true;
        if (s != gcs::ObjectState::exists) all_exist = false;
        if (state_rank(s) > state_rank(worst)) worst = s;
    }
    // A group with some objects still pending and the rest found is pending, not "exists".
    if (any && worst == gcs::ObjectState::exists && !all_exist) return gcs::ObjectState::pending;
    return worst;
}

std::map<gcs::ObjectState, std::size_t> BucketCheck::counts() const {
    std::map<gcs::ObjectState, std::size_t> out;
    const auto& rs = results();
    for (std::size_t i = 0; i < urls_.size(); ++i) ++out[i < rs.size() ? rs[i].state : gcs::ObjectState::pending];
    return out;
}

std::vector<UnitFinding> BucketCheck::findings() const {
    std::vector<UnitFinding> out;
    if (!job_) return out;
    for (gcs::ObjectFinding& f : gcs::object_findings(job_->results(), job_->clock_skew())) {
        UnitFinding u;
        u.diagnostic = std::move(f.diagnostic);
        if (f.id && *f.id < urls_.size()) {
            u.unit = urls_[std::size_t(*f.id)].unit;
        } else {
            u.whole_check = true;
        }
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace eic::app
