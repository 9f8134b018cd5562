// A bucket named "bkt" for tests, as a FakeHttp `respond` callback: its XML listing (one page) and ranged
// GETs of its objects (206 with Content-Range), 404 for anything else.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "fake_http.hpp"
#include "gcs/object_url.hpp"

namespace eic::test {

struct Bucket {
    std::map<std::string, std::string> objects;  // name -> bytes

    std::string listing() const {
        std::string xml =
            "<?xml version='1.0' encoding='UTF-8'?><ListBucketResult "
            "xmlns=\"http://doc.s3.amazonaws.com/2006-03-01\"><Name>bkt</Name><IsTruncated>false"
            "</IsTruncated>";
        for (const auto& [name, bytes] : objects)
            xml += "<Contents><Key>" + name + "</Key><Size>" + std::to_string(bytes.size()) +
                   "</Size><LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents>";
        return xml + "</ListBucketResult>";
    }

    std::optional<test::FakeAnswer> operator()(const net::HttpRequest& r) const {
        const std::string url = r.url.substr(0, r.url.find('?'));
        if (url == gcs::xml_api_url("bkt", "")) return test::answer(200, {}, listing());
        for (const auto& [name, bytes] : objects) {
            if (url != gcs::xml_api_url("bkt", name)) continue;
            std::string range;
            for (const auto& [n, v] : r.headers)
                if (n == "Range") range = v;
            const std::uint64_t first = std::stoull(range.substr(6));
            const std::uint64_t last =
                std::min<std::uint64_t>(std::stoull(range.substr(range.find('-') + 1)), bytes.size() - 1);
            return test::answer(206,
                                {{"content-range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" +
                                                       std::to_string(bytes.size())}},
                                bytes.substr(first, last - first + 1));
        }
        return test::answer(404);
    }
};

}  // namespace eic::test
