// The codes of the cloud work (diag/code_table.hpp): signed URLs, object checks, bucket CORS and media metadata.
#include "diag/code_table.hpp"

namespace eic::diag::code_table {

const std::vector<CodeInfo>& cloud_codes() {
    static const std::vector<CodeInfo> codes = {
        // ---- Signed URLs -------------------------------------------------------------------------
        {"gcs.sign.expires", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Expires`, at most 604800)",
         "The expiry is not 1 to 604,800 seconds (7 days), the longest a V4 signed URL can be valid. `eic sign-url` "
         "exits 2."},
        {"gcs.sign.method", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (HTTP verbs)",
         "The method is not `DELETE`, `GET`, `HEAD`, `POST` or `PUT` (upper case). A signed `POST` can only start "
         "a resumable upload (`x-goog-resumable: start`)."},
        {"gcs.url.not-signed", E, fixed, kSigning, "",
         "https://cloud.google.com/storage/docs/access-control/signed-urls",
         "The URL is not a V4 signed URL: it lacks one of the `X-Goog-Algorithm`, `X-Goog-Credential`, "
         "`X-Goog-Date`, `X-Goog-Expires`, `X-Goog-SignedHeaders`, `X-Goog-Signature` parameters, or its query is "
         "malformed."},
        {"gcs.url.algorithm", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (`GOOG4-RSA-SHA256`, `GOOG4-HMAC-SHA256`)",
         "`X-Goog-Algorithm` names no V4 signing algorithm."},
        {"gcs.url.date", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (credential scope, `X-Goog-Date`)",
         "`X-Goog-Date` is not `YYYYMMDD'T'HHMMSS'Z'`, or the credential scope's date is not its date."},
        {"gcs.url.expires", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Expires`, at most 604800)",
         "`X-Goog-Expires` is not a whole number of seconds from 1 to 604,800."},
        {"gcs.url.expired", E, fixed, kSigning, "", EIC_GCS_SIGNATURES " (`X-Goog-Date` plus `X-Goog-Expires`)",
         "The URL's validity (`X-Goog-Date` plus `X-Goog-Expires`) has ended: GCS refuses it. Sign a new one."},
        {"gcs.url.not-yet-valid", W, fixed, kSigning, "", "",
         "`X-Goog-Date` is more than 15 minutes ahead of this clock: the URL is not valid yet, or the clock is "
         "behind. No page states the allowance, so this is a warning."},
        {"gcs.sign.request", E, fixed, kSigning, "",
         "this repository: `core/gcs/v4_request_json.hpp` (the JS API's `signUrl`)",
         "The `signUrl` request is not a JSON object, lacks `method`, `bucket` or `expires`, or a field has the wrong "
         "type; the pointer names the field."},
        {"gcs.sign.timestamp", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (`X-Goog-Date`, `YYYYMMDD'T'HHMMSS'Z'`)",
         "The timestamp lies outside the years 0001-9999, which `X-Goog-Date` cannot hold."},
        {"gcs.sign.bucket", E, fixed, kSigning, "", EIC_GCS_BUCKETS,
         "The bucket name is empty or has characters other than `a-z`, `0-9`, `-`, `_` and `.`, so no bucket has "
         "it (and it could not be put in the URL as it is)."},
        {"gcs.sign.header", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (canonical headers); RFC 9110 §5.1",
         "A header name is empty or has a space, a control character, a non-ASCII byte or `:`; or the `host` "
         "header was given, which is signed from the URL's host."},
        {"gcs.sign.query", E, fixed, kSigning, "", EIC_GCS_CANONICAL " (required query string parameters)",
         "A query parameter the signature sets itself (`X-Goog-Algorithm`, `X-Goog-Credential`, `X-Goog-Date`, "
         "`X-Goog-Expires`, `X-Goog-SignedHeaders`, `X-Goog-Signature`, in any case) was given."},
        {"gcs.sign.endpoint", E, fixed, kSigning, "",
         "RFC 3986 §3.2; https://cloud.google.com/storage/docs/request-endpoints",
         "The endpoint is not `SCHEME://HOST[:PORT]` with `http` or `https`; the bucket-bound hostname is missing, "
         "malformed or given without the bucket-bound style; the universe domain is not a DNS name; or the "
         "scheme, endpoint, universe domain and bucket-bound hostname contradict each other."},
        {"gcs.sign.key-file", E, fixed, kSigning, "", "https://cloud.google.com/iam/docs/keys-create-delete",
         "The key file is not a service-account key: not a JSON object, a `type` other than `service_account`, or "
         "no `client_email` or `private_key` string. The pointer names the field; the message never quotes a "
         "value."},
        {"gcs.sign.private-key", E, fixed, kSigning, "", "RFC 7468 (PEM); RFC 8017 §8.2 (RSASSA-PKCS1-v1_5)",
         "The key file's `private_key` is not an RSA private key in PEM form that can be read without a pass "
         "phrase, so it cannot make the RSA-SHA256 signature `GOOG4-RSA-SHA256` needs."},

        // ---- Object checks ------------------------------------------------------------------------
        {"gcs.object.missing", E, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/xml-api/head-object; " EIC_GCS_XML_STATUS
         " (404); https://cloud.google.com/storage/docs/json_api/v1/status-codes (404 `notFound`)",
         "GCS answered the signed HEAD (or the JSON API's objects.get) with 404 Not Found: no object has this name "
         "in the bucket. Check the spelling (names are case sensitive) and whether it was uploaded."},
        {"gcs.object.forbidden", E, fixed, kChecks, "",
         EIC_GCS_XML_STATUS " (401, 403); https://cloud.google.com/storage/docs/json_api/v1/status-codes (403)",
         "GCS refused the request (XML API 401 or 403, JSON API 403): the service account that signs, or the account "
         "whose access token eic uses, lacks `storage.objects.get` on the bucket (or the bucket is another "
         "project's). The message quotes GCS's reason when it sent one."},
        {"gcs.object.signature-mismatch", E, fixed, kChecks, "",
         EIC_GCS_CANONICAL "; https://cloud.google.com/storage/docs/authentication/signatures",
         "GCS answered 403 `SignatureDoesNotMatch`: the signature does not match the request GCS received. GCS's "
         "error body carries the canonical request and string to sign it computed (observed, not documented); eic "
         "keeps them beside its own so the difference shows. Usual causes: the key is not the account's, the clock "
         "is off, or a proxy changed the request."},
        {"gcs.object.blocked", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/cross-origin; https://fetch.spec.whatwg.org/#concept-network-error",
         "The browser got no answer it may show: the bucket's CORS configuration does not allow this origin and "
         "`HEAD`, the page's Content-Security-Policy blocked the request, or the network failed (a browser cannot "
         "always tell these apart). Nothing is known about the object."},
        {"gcs.object.timeout", W, fixed, kChecks, "", "https://cloud.google.com/storage/docs/retry-strategy",
         "No answer came in time, on every attempt. Nothing is known about the object; check again later."},
        {"gcs.object.check-failed", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/retry-strategy; " EIC_GCS_XML_STATUS,
         "The check ended without an answer about the object: GCS answered 429 or 5xx on every attempt (the "
         "message counts them), answered with another status (the message quotes it), or the probe could not be "
         "signed. Nothing is known about the object."},
        {"gcs.object.not-checkable", W, fixed, kChecks, "", "https://url.spec.whatwg.org/#path-state",
         "The URL cannot be probed: it is not a GCS URL (another cloud's, or not a URL), it is malformed, or the "
         "object name has a `.` or `..` segment, which a browser's URL parser removes, so the object cannot be "
         "addressed by path. This says nothing about whether the object exists."},
        {"gcs.object.needs-token", W, fixed, kChecks, "",
         "https://cloud.google.com/storage/docs/json_api/v1/status-codes (401); RFC 6750 §3.1 (`invalid_token`)",
         "The object was not checked because the OAuth access token was refused (401: it has expired or is not "
         "valid) or is missing; the check waits, and probes these objects again once a new token is set and it "
         "resumes. With IAM `signBlob`, IAM Credentials refused the token. Nothing is known about the object yet."},
        {"gcs.clock.skew", W, fixed, kChecks, "",
         "RFC 9110 §6.6.1 (Date); https://cloud.google.com/storage/docs/access-control/signed-urls",
         "GCS's `Date` header differs from this computer's clock by more than a minute. Signed URLs carry the "
         "signing time, and GCS refuses them when the clocks disagree too much: set the clock right. Reported once "
         "per check."},
        // ---- Bucket CORS --------------------------------------------------------------------------
        {"gcs.cors.none", E, fixed, kCors, "", EIC_GCS_CORS,
         "The bucket has no CORS configuration. The XML API, where signed URLs go, then answers no request from "
         "another origin, so the browser withholds every answer from eic's page. The fix is a configuration for "
         "the page's origin, applied with `gcloud storage buckets update gs://BUCKET --cors-file=cors.json`."},
        {"gcs.cors.origin", E, fixed, kCors, "", EIC_GCS_CORS "; " EIC_GCS_CORS_ORDER,
         "No rule of the bucket's CORS configuration names the page's origin (or `*`). GCS adds no CORS headers "
         "for it, and the browser withholds every answer. The fix puts a rule for the origin first and keeps the "
         "existing rules after it."},
        {"gcs.cors.method", E, fixed, kCors, "", EIC_GCS_CORS_ORDER,
         "A rule names the page's origin, but no rule for it allows a method eic needs (`GET` and `HEAD`, and "
         "`PUT` and `POST` to upload). GCS matches origin and method together, so those requests get no CORS "
         "headers."},
        {"gcs.cors.header", W, fixed, kCors, "",
         EIC_GCS_CORS_ORDER "; https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name",
         "The requests are allowed, but the rule GCS applies (the first that matches the origin and method) does "
         "not list a header eic reads or sends in `responseHeader`. The browser then hides it, and the message "
         "says what degrades: without `Date`, for example, there is no clock-skew warning. Only the CORS-safelisted "
         "response headers (Content-Length, Content-Type, Last-Modified...) are readable without being listed."},
        {"gcs.cors.refused", E, fixed, kCors, "",
         EIC_GCS_CORS "; https://fetch.spec.whatwg.org/#concept-filtered-response-opaque",
         "The page's signed `HEAD` got no readable answer, while a `no-cors` request of the same URL reached GCS "
         "(or the browser reported a CORS refusal). The bucket's CORS configuration does not allow the page's "
         "origin with `HEAD`, or there is none. Reading the configuration with an access token tells which."},
        {"gcs.cors.unknown", W, fixed, kCors, "", "",
         "The doctor cannot tell. Either the page's Content-Security-Policy blocked the request, the network "
         "failed for the `no-cors` request too (not CORS), nothing was observed, or the configuration allows the "
         "page while its request was still refused. The message says which."},
        {"gcs.cors.config", E, fixed, kCors, "",
         "https://cloud.google.com/storage/docs/gsutil/commands/cors; "
         "https://cloud.google.com/storage/docs/json_api/v1/buckets (`cors`)",
         "The text is not a CORS configuration. A configuration is a JSON array of rules, each an object whose "
         "`origin`, `method` and `responseHeader` are arrays of strings and whose `maxAgeSeconds` is a whole "
         "number. The pointer names the value at fault."},
        {"gcs.cors.rule", W, fixed, kCors, "",
         EIC_GCS_CORS_ORDER "; https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin",
         "A rule, or a value in it, matches no browser's request. The rule may lack `origin` or `method`. An origin "
         "may have a path or trailing `/`, upper case, or a `*` inside a host (GCS documents `*` only as a whole "
         "value). The methods may list `OPTIONS`, which GCS answers itself. Browsers send origins as "
         "`SCHEME://HOST[:PORT]`, in lower case, with no path."},

        // ---- Media metadata -----------------------------------------------------------------------
        {"media.object.missing", E, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/xml-api/get-object-download; " EIC_GCS_XML_STATUS " (404)",
         "GCS answered the signed ranged `GET` with 404 Not Found: no object has this name in the bucket, so "
         "there is no metadata to read." EIC_FILL_BY_HAND},
        {"media.object.forbidden", E, fixed, kMedia, "", EIC_GCS_XML_STATUS " (401, 403)",
         "GCS refused the ranged `GET` (401 or 403): the service account that signs lacks `storage.objects.get` "
         "on the bucket. The message quotes GCS's reason when it sent one." EIC_FILL_BY_HAND},
        {"media.object.blocked", W, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/cross-origin; https://fetch.spec.whatwg.org/#concept-network-error",
         "The browser got no answer it may show: the bucket's CORS configuration does not allow this origin and "
         "`GET`, the page's Content-Security-Policy blocked the request, or the network failed. (A single-range "
         "`Range` header needs no preflight.)" EIC_FILL_BY_HAND},
        {"media.object.timeout", W, fixed, kMedia, "", "https://cloud.google.com/storage/docs/retry-strategy",
         "No answer came in time, on every attempt; try again later." EIC_FILL_BY_HAND},
        {"media.object.read-failed", W, fixed, kMedia, "",
         "https://cloud.google.com/storage/docs/retry-strategy; " EIC_GCS_XML_STATUS,
         "The read ended without the bytes asked for: GCS answered 429 or 5xx on every attempt (the message "
         "counts them), answered with another status or other bytes than asked for, or the request could not be "
         "signed." EIC_FILL_BY_HAND},
        {"media.object.not-checkable", W, fixed, kMedia, "", "https://url.spec.whatwg.org/#path-state",
         "The URL cannot be read: it is not a GCS URL, it is malformed, or the object name has a `.` or `..` "
         "segment, which a browser's URL parser removes." EIC_FILL_BY_HAND},
        {"media.header.not-recognised", W, fixed, kMedia, "",
         "ITU-T T.81; https://www.w3.org/TR/png-3/; RFC 9649; GIF89a; TIFF 6.0; ISO/IEC 14496-12; Apple QTFF",
         "The object's first bytes are none of the formats eic reads for the item's kind: JPEG, PNG, WebP, GIF, "
         "BMP or TIFF for `images`; MP4 or QuickTime (with a video track) for `videos`. It may be another "
         "format, or a file of the other kind (a video listed under `images`)." EIC_FILL_BY_HAND},
        {"media.header.unsupported", W, fixed, kMedia, "", "TIFF 6.0; ITU-T T.81 B.2.5; ISO/IEC 14496-12 §8.8",
         "The format is known but this variant is not read: BigTIFF, a JPEG whose height comes in a DNL segment, "
         "Apple's CgBI PNG, a fragmented MP4 (frames in movie fragments), or a moov box of size 0 when the "
         "object's size is unknown." EIC_FILL_BY_HAND},
        {"media.header.malformed", W, fixed, kMedia, "",
         "ITU-T T.81 B.2.2; https://www.w3.org/TR/png-3/#11IHDR; ISO/IEC 14496-12 §4.2",
         "The header breaks its format's rules: a segment or box size that points past the end of the object or "
         "of its container, a size of 0, a missing IHDR or movie header, a video track without samples, or an "
         "object that ends inside its header. The message says where." EIC_FILL_BY_HAND},
        {"media.header.too-large", W, fixed, kMedia, "", "",
         "The header lies beyond what eic reads of one object: for images, more than 3 follow-up reads or 1 MiB in "
         "all; for videos, more than 6 follow-ups or a moov box over 8 MiB (a long movie's sample tables). eic "
         "never reads a whole object." EIC_FILL_BY_HAND},
        {"media.header.size-unknown", W, fixed, kMedia, "",
         "RFC 9110 §14.4 (Content-Range); https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name",
         "The header was read but not the object's size (`file_size`): in a browser, `Content-Range` is readable "
         "only when the bucket's CORS configuration lists it in `responseHeader`. Add it there, or check the "
         "objects first (a `HEAD` gives the size)." EIC_FILL_BY_HAND},
        {"media.orientation.quarter-turn", I, fixed, kMedia, "",
         "JEITA CP-3451 (Exif, Orientation 5-8); https://www.w3.org/TR/css-images-3/#the-image-orientation; "
         "ISO/IEC 14496-12 §8.3.2 (tkhd matrix)",
         "The file asks to be shown a quarter turn from how it is stored (an Exif Orientation of 5 to 8, a video "
         "track matrix of 90 or 270 degrees), so a browser shows it with width and height swapped. eic writes the "
         "stored size, which the format header states and `ffmpeg -i` prints; no Encord source says which of the "
         "two Encord expects. Swap them by hand if Encord should see the shown size."},
        {"media.object.range-ignored", I, fixed, kMedia, "", "RFC 9110 §14.2",
         "The server answered a range request with the whole object (200, which RFC 9110 allows); eic kept only "
         "the bytes it asked for. The metadata was read; the transfer was larger than needed."},
    };
    return codes;
}

}  // namespace eic::diag::code_table

#undef EIC_SDK_SCHEMA
#undef EIC_SDK_STORAGE
#undef EIC_DOCS_REGISTER
#undef EIC_DOCS_BEST
#undef EIC_DOCS_INTEGRATIONS
#undef EIC_GCS_OBJECTS
#undef EIC_GCS_BUCKETS
#undef EIC_GCS_CANONICAL
#undef EIC_GCS_SIGNATURES
#undef EIC_GCS_XML_STATUS
#undef EIC_GCS_CORS
#undef EIC_GCS_CORS_ORDER
#undef EIC_FILL_BY_HAND
