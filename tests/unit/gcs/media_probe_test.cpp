// The media probe job (core/gcs/media_probe.hpp) and its findings (core/gcs/media_findings.hpp), with a fake
// transport that serves the media fixtures by range as GCS does (tests/unit/helpers/fake_http.hpp), a fake
// clock and a stub signer (tests/unit/helpers/stub_signer.hpp).
#include "gcs/media_probe.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "../helpers/fake_http.hpp"
#include "../helpers/stub_signer.hpp"
#include "../media/media_fixtures.hpp"
#include "gcs/media_findings.hpp"
#include "gcs/media_probe_codes.hpp"
#include "gcs/object_url.hpp"

using namespace eic;
using gcs::MediaProbeState;
using media::MediaKind;

namespace {

constexpr double kWall = 1700000000;

// Answers a GET with a Range header from `objects` (URL -> bytes) as GCS's XML API does: 206 with
// Content-Range (RFC 9110 §14.4), 416 past the end. `expose_content_range` false plays a browser whose
// bucket CORS configuration does not expose the header.
struct RangeServer {
    std::map<std::string, std::string> objects;
    bool expose_content_range = true;
    bool ignore_range = false;
    int delay_polls = 0;

    std::optional<test::FakeAnswer> operator()(const net::HttpRequest& r) const {
        const auto it = objects.find(r.url.substr(0, r.url.find('?')));
        if (it == objects.end() || r.method != "GET") return std::nullopt;
        const std::string& file = it->second;
        const std::string total = std::to_string(file.size());
        if (ignore_range) return test::answer(200, {{"content-length", total}}, file, delay_polls);
        std::string range;
        for (const auto& [name, value] : r.headers)
            if (name == "Range") range = value;
        REQUIRE(range.rfind("bytes=", 0) == 0);
        const std::uint64_t first = std::stoull(range.substr(6)), last = std::stoull(range.substr(range.find('-') + 1));
        if (first >= file.size()) return test::answer(416, {{"content-range", "bytes */" + total}}, "", delay_polls);
        const std::uint64_t end = std::min<std::uint64_t>(last + 1, file.size());
        net::Headers h;
        if (expose_content_range)
            h.emplace_back("content-range",
                           "bytes " + std::to_string(first) + "-" + std::to_string(end - 1) + "/" + total);
        return test::answer(206, h, file.substr(first, end - first), delay_polls);
    }
};

struct Rig {
    double now = 0;
    test::FakeHttp http;
    test::StubSigner signer;
    RangeServer server;
    Rig() {
        http.respond = [this](const net::HttpRequest& r) { return server(r); };
    }
    void put(const std::string& bucket, const std::string& object, const std::string& fixture) {
        server.objects[gcs::xml_api_url(bucket, object)] = test::media_fixture(fixture);
    }
    gcs::MediaProbeOptions options() {
        gcs::MediaProbeOptions o;
        o.steady = [this] { return now; };
        o.wall = [this] { return kWall + now; };
        o.max_in_flight = 4;
        return o;
    }
    int run(gcs::MediaProbeJob& job, double tick = 0.1, int limit = 10000) {
        int steps = 0;
        while (!job.finished() && steps < limit) {
            job.step(64 << 10);
            now += tick;
            ++steps;
        }
        return steps;
    }
    std::vector<std::string> ranges_sent() const {
        std::vector<std::string> out;
        for (const auto& r : http.sent)
            for (const auto& [name, value] : r.headers)
                if (name == "Range") out.push_back(value);
        return out;
    }
};

gcs::MediaProbeTarget target(std::uint64_t id, std::string url, MediaKind kind,
                             std::optional<std::uint64_t> size = std::nullopt) {
    gcs::MediaProbeTarget t;
    t.id = id;
    t.url = std::move(url);
    t.kind = kind;
    t.size = size;
    return t;
}

std::set<std::string> codes_of(const std::vector<gcs::MediaFinding>& fs) {
    std::set<std::string> out;
    for (const auto& f : fs) out.insert(f.diagnostic.code);
    return out;
}

}  // namespace

TEST_CASE("media probe: images and videos read by range, with exact metadata", "[media]") {
    Rig rig;
    rig.put("bucket-1", "a.jpg", "baseline.jpg");
    rig.put("bucket-1", "turned.jpg", "exif-orientation-6.jpg");
    rig.put("bucket-1", "late.mp4", "moov-at-end.mp4");
    rig.put("bucket-1", "clip.mov", "clip.mov");
    gcs::MediaProbeJob job(
        {target(1, "https://storage.cloud.google.com/bucket-1/a.jpg", MediaKind::image),
         target(2, "gs://bucket-1/turned.jpg", MediaKind::image), target(3, "gs://bucket-1/late.mp4", MediaKind::video),
         target(4, "https://storage.googleapis.com/bucket-1/clip.mov", MediaKind::video)},
        rig.http, rig.signer, rig.options());
    CHECK(std::string(job.rate_unit()) == "objects/s");
    CHECK(job.label() == "Reading the media headers of 4 objects");
    rig.run(job);
    REQUIRE(job.finished());
    CHECK(job.progress() == 1);
    CHECK(job.rate() > 0);
    const auto& rs = job.results();
    for (const auto& r : rs) {
        INFO(r.url << ": " << r.detail);
        REQUIRE(r.state == MediaProbeState::ok);
        REQUIRE(r.info);
        CHECK(r.status == 206);
    }
    CHECK(rs[0].info->mime_type == "image/jpeg");
    CHECK(rs[0].info->width == 37);
    CHECK(rs[0].info->height == 23);
    CHECK(rs[0].info->file_size == 1479);
    CHECK(rs[0].reads == 1);
    CHECK(rs[0].bytes_read == 1479);
    CHECK(rs[1].reads == 2);  // the frame header lies past the first 64 KiB
    CHECK(rs[1].info->quarter_turn);
    CHECK(rs[1].info->file_size == 67016);
    CHECK(rs[2].info->mime_type == "video/mp4");
    CHECK(rs[2].info->fps == 30000.0 / 1001.0);
    CHECK(rs[2].info->duration == 0.334);
    CHECK(rs[2].info->width == 40);
    CHECK(rs[2].info->height == 24);
    CHECK(rs[2].info->file_size == 2001);
    CHECK(rs[3].info->mime_type == "video/quicktime");
    CHECK(rs[3].info->fps == 25.0);
    CHECK(rs[3].info->duration == 0.4);
    // Every request is a signed GET of a range on the XML API host.
    for (const auto& r : rig.http.sent) {
        CHECK(r.method == "GET");
        CHECK(r.url.rfind("https://storage.googleapis.com/bucket-1/", 0) == 0);
    }
    const auto ranges = rig.ranges_sent();
    CHECK(std::count(ranges.begin(), ranges.end(), "bytes=0-65535") == 4);
    CHECK(std::count(ranges.begin(), ranges.end(), "bytes=65539-67015") == 1);  // from the next segment to the end
    // Only the turned image has something to say.
    const auto fs = gcs::media_findings(rs);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].id == 2);
    CHECK(fs[0].diagnostic.code == gcs::media_code::quarter_turn);
    CHECK(fs[0].diagnostic.severity == Severity::info);
    CHECK(fs[0].diagnostic.message.find("shows it 23x37") != std::string::npos);
}

TEST_CASE("media probe: a moov at the end is reached by reading box headers", "[media]") {
    Rig rig;
    rig.put("bucket-1", "late.mp4", "moov-at-end.mp4");
    auto o = rig.options();
    o.limits.first_read = 64;
    o.limits.video_follow_up = 8;
    gcs::MediaProbeJob job({target(1, "gs://bucket-1/late.mp4", MediaKind::video)}, rig.http, rig.signer, o);
    rig.run(job);
    const auto& r = job.results()[0];
    REQUIRE(r.state == MediaProbeState::ok);
    CHECK(rig.ranges_sent() == std::vector<std::string>{"bytes=0-63", "bytes=1159-1166", "bytes=1167-2000"});
    CHECK(r.reads == 3);
    CHECK(r.bytes_read == 64 + 8 + 834);
    CHECK(r.info->fps == 30000.0 / 1001.0);
}

TEST_CASE("media probe: the size comes from Content-Range, the target, a short answer, or is unknown", "[media]") {
    SECTION("Content-Range hidden, size given by the target") {
        Rig rig;
        rig.server.expose_content_range = false;
        rig.put("bucket-1", "big.jpg", "exif-orientation-6.jpg");
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/big.jpg", MediaKind::image, 67016)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        REQUIRE(job.results()[0].state == MediaProbeState::ok);
        CHECK(job.results()[0].info->file_size == 67016);
        // The first read stops at the known size.
        CHECK(rig.ranges_sent().front() == "bytes=0-65535");
    }
    SECTION("Content-Range hidden, the answer shorter than asked: the object ends there") {
        Rig rig;
        rig.server.expose_content_range = false;
        rig.put("bucket-1", "a.png", "image.png");
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/a.png", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        REQUIRE(job.results()[0].state == MediaProbeState::ok);
        CHECK(job.results()[0].info->file_size == 287);
    }
    SECTION("Content-Range hidden, the follow-up shorter than asked: the object ends there") {
        Rig rig;
        rig.server.expose_content_range = false;
        rig.put("bucket-1", "big.jpg", "exif-orientation-6.jpg");
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/big.jpg", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        REQUIRE(job.results()[0].state == MediaProbeState::ok);
        CHECK(job.results()[0].info->file_size == 67016);
    }
    SECTION("Content-Range hidden and the object longer than the reads: size unknown, no metadata") {
        Rig rig;
        rig.server.expose_content_range = false;
        // A JPEG with 100,000 bytes after its end: the header is in the first 64 KiB, the size is not.
        rig.server.objects[gcs::xml_api_url("bucket-1", "big.jpg")] =
            test::media_fixture("baseline.jpg") + std::string(100000, '\0');
        gcs::MediaProbeJob job({target(7, "gs://bucket-1/big.jpg", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        const auto& r = job.results()[0];
        CHECK(r.state == MediaProbeState::unreadable);
        CHECK(r.verdict == media::ReadVerdict::size_unknown);
        CHECK_FALSE(r.info);
        const auto fs = gcs::media_findings(job.results());
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].id == 7);
        CHECK(fs[0].diagnostic.code == gcs::media_code::size_unknown);
    }
    SECTION("the server ignores Range: only the bytes asked for are kept") {
        Rig rig;
        rig.server.ignore_range = true;
        rig.put("bucket-1", "a.mp4", "faststart.mp4");
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/a.mp4", MediaKind::video)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        const auto& r = job.results()[0];
        REQUIRE(r.state == MediaProbeState::ok);
        CHECK(r.range_ignored);
        CHECK(r.status == 200);
        CHECK(r.info->file_size == 2001);
        CHECK(codes_of(gcs::media_findings(job.results())) == std::set<std::string>{gcs::media_code::range_ignored});
    }
}

TEST_CASE("media probe: objects whose metadata cannot be read get a finding and no metadata", "[media]") {
    Rig rig;
    rig.put("bucket-1", "video-as-image.jpg", "faststart.mp4");
    rig.put("bucket-1", "frag.mp4", "fragmented.mp4");
    rig.server.objects[gcs::xml_api_url("bucket-1", "text.png")] = "just some text, not an image";
    rig.server.objects[gcs::xml_api_url("bucket-1", "cut.png")] = test::media_fixture("image.png").substr(0, 20);
    // Small reads, so that the moov at the end of late.mp4 is not held before its size is checked.
    auto o = rig.options();
    o.limits.first_read = 1024;
    o.limits.video_follow_up = 8;
    o.limits.max_moov = 100;
    rig.put("bucket-1", "late.mp4", "moov-at-end.mp4");
    gcs::MediaProbeJob job(
        {target(1, "gs://bucket-1/video-as-image.jpg", MediaKind::image),
         target(2, "gs://bucket-1/frag.mp4", MediaKind::video), target(3, "gs://bucket-1/text.png", MediaKind::image),
         target(4, "gs://bucket-1/cut.png", MediaKind::image), target(5, "gs://bucket-1/late.mp4", MediaKind::video),
         target(6, "https://example.com/x.jpg", MediaKind::image)},
        rig.http, rig.signer, o);
    rig.run(job);
    const auto& rs = job.results();
    using V = media::ReadVerdict;
    CHECK(rs[0].verdict == V::not_recognised);
    CHECK(rs[1].verdict == V::unsupported);
    CHECK(rs[2].verdict == V::not_recognised);
    CHECK(rs[3].verdict == V::malformed);
    CHECK(rs[4].verdict == V::too_large);
    CHECK(rs[5].state == MediaProbeState::not_checkable);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(rs[i].state == MediaProbeState::unreadable);
        CHECK_FALSE(rs[i].info);
    }
    const auto fs = gcs::media_findings(rs);
    REQUIRE(fs.size() == 6);
    namespace mc = gcs::media_code;
    const char* expected[] = {mc::not_recognised, mc::unsupported, mc::not_recognised,
                              mc::malformed,      mc::too_large,   mc::not_checkable};
    for (std::size_t i = 0; i < 6; ++i) {
        INFO(fs[i].diagnostic.message);
        CHECK(fs[i].id == i + 1);
        CHECK(fs[i].diagnostic.code == expected[i]);
        CHECK(fs[i].diagnostic.severity == Severity::warning);
        CHECK(fs[i].diagnostic.message.find("eic wrote no") != std::string::npos);
    }
    // The too-large moov was never read: the first 1024 bytes and the moov's box header.
    CHECK(rs[4].bytes_read == 1024 + 8);
}

TEST_CASE("media probe: 404, 403 in XML and JSON, and failed signing", "[media]") {
    Rig rig;
    const std::string denied_xml =
        "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>No &amp; no.</Message></Error>";
    rig.http.table[gcs::xml_api_url("bucket-1", "secret.jpg")] = {test::answer(403, {}, denied_xml)};
    gcs::MediaProbeJob job({target(1, "gs://bucket-1/gone.jpg", MediaKind::image),
                            target(2, "gs://bucket-1/secret.jpg", MediaKind::image)},
                           rig.http, rig.signer, rig.options());
    rig.run(job);
    CHECK(job.results()[0].state == MediaProbeState::not_found);
    CHECK(job.results()[0].attempts == 1);
    CHECK(job.results()[1].state == MediaProbeState::forbidden);
    CHECK(job.results()[1].error_code == "AccessDenied");
    CHECK(job.results()[1].detail == "No & no.");
    const auto fs = gcs::media_findings(job.results());
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].diagnostic.code == gcs::media_code::missing);
    CHECK(fs[0].diagnostic.severity == Severity::error);
    CHECK(fs[1].diagnostic.code == gcs::media_code::forbidden);
    CHECK(fs[1].diagnostic.message.find("AccessDenied") != std::string::npos);

    Rig json;
    json.signer.api_kind = gcs::ProbeApi::json;
    json.http.table[gcs::xml_api_url("bucket-1", "secret.jpg")] = {test::answer(
        403, {},
        R"({"error": {"code": 403, "message": "sa@p.iam lacks storage.objects.get", "errors": [{"reason": "forbidden"}]}})")};
    gcs::MediaProbeJob j2({target(1, "gs://bucket-1/secret.jpg", MediaKind::image)}, json.http, json.signer,
                          json.options());
    json.run(j2);
    CHECK(j2.results()[0].state == MediaProbeState::forbidden);
    CHECK(j2.results()[0].error_code == "forbidden");
    CHECK(j2.results()[0].detail == "sa@p.iam lacks storage.objects.get");

    Rig unsigned_rig;
    unsigned_rig.signer.fail = "no key";
    gcs::MediaProbeJob j3({target(1, "gs://bucket-1/a.jpg", MediaKind::image)}, unsigned_rig.http, unsigned_rig.signer,
                          unsigned_rig.options());
    unsigned_rig.run(j3);
    CHECK(j3.results()[0].state == MediaProbeState::failed);
    CHECK(j3.results()[0].detail == "no key");
    CHECK(unsigned_rig.http.sent.empty());
}

TEST_CASE("media probe: retries, refusals and timeouts", "[media]") {
    SECTION("503 then the bytes") {
        Rig rig;
        int calls = 0;
        rig.put("bucket-1", "a.png", "image.png");
        rig.http.respond = [&](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
            if (calls++ == 0) return test::answer(503);
            return rig.server(r);
        };
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/a.png", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        CHECK(job.results()[0].state == MediaProbeState::ok);
        CHECK(job.results()[0].attempts == 2);
        CHECK(rig.now >= 1.0);  // waited the policy's first back-off
    }
    SECTION("503 every time") {
        Rig rig;
        rig.http.table[gcs::xml_api_url("bucket-1", "a.png")] = {test::answer(503)};
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/a.png", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        CHECK(job.results()[0].state == MediaProbeState::failed);
        CHECK(job.results()[0].attempts == 3);
        CHECK(job.results()[0].detail.find("gave up after 3 attempts") != std::string::npos);
        CHECK(codes_of(gcs::media_findings(job.results())) == std::set<std::string>{gcs::media_code::failed});
    }
    SECTION("a CORS-looking failure (a dropped connection looks the same) is sent once more, then is final") {
        Rig rig;
        rig.put("bucket-1", "a.png", "image.png");
        int calls = 0;
        rig.http.respond = [&](const net::HttpRequest& r) -> std::optional<test::FakeAnswer> {
            if (calls++ == 0) return test::failure(net::Failure::cors);
            return rig.server(r);
        };
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/a.png", MediaKind::image)}, rig.http, rig.signer,
                               rig.options());
        rig.run(job);
        CHECK(job.results()[0].state == MediaProbeState::ok);
        CHECK(job.results()[0].attempts == 2);
    }
    SECTION("CORS refusals are sent once more, policy refusals never; a network failure is retried") {
        Rig rig;
        rig.http.table[gcs::xml_api_url("bucket-1", "cors.png")] = {test::failure(net::Failure::cors)};
        rig.http.table[gcs::xml_api_url("bucket-1", "csp.png")] = {test::failure(net::Failure::policy)};
        rig.http.table[gcs::xml_api_url("bucket-1", "net.png")] = {test::failure(net::Failure::network)};
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/cors.png", MediaKind::image),
                                target(2, "gs://bucket-1/csp.png", MediaKind::image),
                                target(3, "gs://bucket-1/net.png", MediaKind::image)},
                               rig.http, rig.signer, rig.options());
        rig.run(job);
        CHECK(job.results()[0].state == MediaProbeState::blocked_cors_or_network);
        CHECK(job.results()[0].attempts == 2);
        CHECK(job.results()[1].state == MediaProbeState::blocked_policy);
        CHECK(job.results()[1].attempts == 1);
        CHECK(job.results()[2].state == MediaProbeState::blocked_cors_or_network);
        CHECK(job.results()[2].attempts == 3);
        CHECK(codes_of(gcs::media_findings(job.results())) == std::set<std::string>{gcs::media_code::blocked});
    }
    SECTION("no answer in time") {
        Rig rig;
        test::FakeAnswer never;
        never.never = true;
        rig.http.table[gcs::xml_api_url("bucket-1", "slow.png")] = {never};
        auto o = rig.options();
        o.timeout_s = 5;
        o.retry.max_attempts = 2;
        gcs::MediaProbeJob job({target(1, "gs://bucket-1/slow.png", MediaKind::image)}, rig.http, rig.signer, o);
        rig.run(job);
        CHECK(job.results()[0].state == MediaProbeState::timeout);
        CHECK(job.results()[0].attempts == 2);
        CHECK(rig.http.aborted.size() == 2);
        CHECK(rig.http.open() == 0);
        CHECK(codes_of(gcs::media_findings(job.results())) == std::set<std::string>{gcs::media_code::timeout});
    }
}

TEST_CASE("media probe: bounded in flight, an asynchronous signer, and cancel", "[media]") {
    Rig rig;
    rig.server.delay_polls = 3;
    rig.signer.delay_polls = 1;
    std::vector<gcs::MediaProbeTarget> ts;
    for (int i = 0; i < 10; ++i) {
        const std::string name = "img" + std::to_string(i) + ".gif";
        rig.put("bucket-1", name, "image.gif");
        ts.push_back(target(std::uint64_t(i), "gs://bucket-1/" + name, MediaKind::image));
    }
    auto o = rig.options();
    o.max_in_flight = 2;
    gcs::MediaProbeJob job(ts, rig.http, rig.signer, o);
    rig.run(job);
    CHECK(rig.http.max_in_flight_seen <= 2);
    for (const auto& r : job.results()) CHECK(r.state == MediaProbeState::ok);

    Rig held;
    test::FakeAnswer never;
    never.never = true;
    held.http.table[gcs::xml_api_url("bucket-1", "a.gif")] = {never};
    held.http.table[gcs::xml_api_url("bucket-1", "b.gif")] = {never};
    auto o2 = held.options();
    o2.max_in_flight = 2;
    gcs::MediaProbeJob cancelled(
        {target(1, "gs://bucket-1/a.gif", MediaKind::image), target(2, "gs://bucket-1/b.gif", MediaKind::image),
         target(3, "gs://bucket-1/c.gif", MediaKind::image)},
        held.http, held.signer, o2);
    cancelled.step(64 << 10);
    CHECK(cancelled.in_flight() == 2);
    cancelled.cancel();
    CHECK(cancelled.finished());
    CHECK(held.http.aborted.size() == 2);
    for (const auto& r : cancelled.results()) CHECK(r.state == MediaProbeState::pending);
    CHECK(gcs::media_findings(cancelled.results()).empty());
}

TEST_CASE("media probe: an answer with other bytes than asked for fails; a short answer or a 416 tells the size",
          "[media]") {
    Rig rig;
    rig.http.table[gcs::xml_api_url("bucket-1", "odd.png")] = {
        test::answer(206, {{"content-range", "bytes 10-19/100"}}, "0123456789")};
    rig.server.expose_content_range = false;  // sizes are learnt from short answers and 416s only
    // JPEGs whose Exif segment (length 0xFFFF) says the next segment starts at 65539, past their end.
    const std::string app1 = std::string("\xFF\xD8\xFF\xE1\xFF\xFF", 6);
    rig.server.objects[gcs::xml_api_url("bucket-1", "short.jpg")] = app1 + std::string(100, '\0');
    rig.server.objects[gcs::xml_api_url("bucket-1", "edge.jpg")] = app1 + std::string(65536 - 6, '\0');
    gcs::MediaProbeJob job(
        {target(1, "gs://bucket-1/odd.png", MediaKind::image), target(2, "gs://bucket-1/short.jpg", MediaKind::image),
         target(3, "gs://bucket-1/edge.jpg", MediaKind::image)},
        rig.http, rig.signer, rig.options());
    rig.run(job);
    const auto& rs = job.results();
    CHECK(rs[0].state == MediaProbeState::failed);
    CHECK(rs[0].detail.find("bytes from 10") != std::string::npos);
    // 106 bytes for 64 KiB asked: the object ends there, inside its header.
    CHECK(rs[1].state == MediaProbeState::unreadable);
    CHECK(rs[1].verdict == media::ReadVerdict::malformed);
    CHECK(rs[1].reads == 1);
    // Exactly 64 KiB: the follow-up at 65539 is answered 416 with the size, and the header is cut short.
    CHECK(rs[2].state == MediaProbeState::unreadable);
    CHECK(rs[2].verdict == media::ReadVerdict::malformed);
    CHECK(rs[2].status == 416);
    CHECK(rs[2].reads == 2);
    CHECK(rs[2].detail.find("65536 bytes") != std::string::npos);
}
