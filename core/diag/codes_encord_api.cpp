// The codes of Encord API calls and upload batches (diag/code_table.hpp; the constants are in
// encord/api_codes.hpp).
#include "diag/code_table.hpp"

#define EIC_SDK_ERRORS "SDK `encord/http/v2/error_utils.py`"
#define EIC_SDK_CLIENT "SDK `encord/http/v2/api_client.py`"
#define EIC_NETWORK_ERROR "https://fetch.spec.whatwg.org/#concept-network-error"

namespace eic::diag::code_table {

const std::vector<CodeInfo>& encord_api_codes() {
    static const std::vector<CodeInfo> codes = {
        // ---- Answers with an error status ------------------------------------------------------------
        {"encord.api.invalid-arguments", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (400)",
         "Encord answered 400 (the SDK's `InvalidArgumentsError`): it could not process what was sent. The message "
         "is Encord's own `message` or `detail`, else the SDK's \"Provided payload is invalid and can't be "
         "processed.\""},
        {"encord.api.authentication", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (401)",
         "Encord answered 401 (`AuthenticationError`): the request's signature or token was not accepted. Check that "
         "the key's public half is registered in Encord (Settings, Public keys) and that this machine's clock is "
         "right."},
        {"encord.api.authorisation", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (403)",
         "Encord answered 403 (`AuthorisationError`): the key's user may not do this, for example use the "
         "integration (only its admins may register data) or write to the folder."},
        {"encord.api.not-found", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (404)",
         "Encord answered 404 (`ResourceNotFoundError`): the folder, upload job or other resource does not exist for "
         "this user, or the domain is not Encord's API (the app's domain, app.encord.com, is not)."},
        {"encord.api.method-not-allowed", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (405)",
         "Encord answered 405 (`MethodNotAllowedError`): the endpoint does not take this method; the domain may be "
         "another service than Encord's API."},
        {"encord.api.payload-too-large", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS " (413)",
         "Encord answered 413 (`PayloadTooLargeError`), after the SDK's retries where they are allowed: the body is "
         "over Encord's limit. Split the manifest into smaller batches."},
        {"encord.api.rate-limited", E, fixed, kEncordApi, "Answers",
         EIC_SDK_ERRORS " (429); SDK `encord/exceptions.py`",
         "Encord answered 429 (`RateLimitExceededError`) on every try: too many requests. The message gives the wait "
         "from `Retry-After` when the answer exposes it."},
        {"encord.api.unknown-error", E, fixed, kEncordApi, "Answers", EIC_SDK_ERRORS "; " EIC_SDK_CLIENT,
         "Encord answered another status than 200 or 204 (`UnknownException`), for example 500 after the retries; "
         "the message is Encord's `message` or `detail` when it sent one."},
        {"encord.api.malformed-answer", E, fixed, kEncordApi, "Answers",
         "SDK `encord/orm/storage.py`, `encord/orm/dataset.py`, `encord/orm/cloud_integration.py`",
         "Encord answered with success, but the body is not what the SDK's models read: not JSON, or a member "
         "missing or of the wrong type (the message names it with a JSON pointer). The domain may be another "
         "service than Encord's API."},

        // ---- No answer ------------------------------------------------------------------------------
        {"encord.api.blocked", E, fixed, kEncordApi, "No answer", "https://www.w3.org/TR/CSP3/#directive-connect-src",
         "The page refused the request before it left: its Content-Security-Policy does not list the Encord API domain "
         "in `connect-src`, or an https page called an http domain (mixed content)."},
        {"encord.api.cors", E, fixed, kEncordApi, "No answer", "https://fetch.spec.whatwg.org/#http-cors-protocol",
         "The browser withheld Encord's answer because Encord's API does not answer this page's origin (CORS). "
         "Whether it answers any browser origin is not documented. The host page's own fetch (the `fetch` option "
         "of `create()`) or the eic CLI can reach it."},
        {"encord.api.network", E, fixed, kEncordApi, "No answer", EIC_NETWORK_ERROR,
         "No answer: name lookup, a refused or dropped connection, or no network; a browser cannot always tell this "
         "from a CORS refusal. Requests that allow it were sent again first."},
        {"encord.api.timeout", E, fixed, kEncordApi, "No answer", "SDK `encord/http/constants.py` (180 s)",
         "Encord did not answer within the time allowed (180 s, the SDK's read timeout; a long poll adds its own "
         "wait)."},
        {"encord.api.cancelled", I, fixed, kEncordApi, "No answer", "",
         "The request was cancelled before Encord answered (the user stopped the work)."},
        {"encord.api.unknown-outcome", W, fixed, kEncordApi, "No answer",
         "SDK `encord/storage.py` (allow_retries=False); RFC 9110 §9.2.2",
         "A request that changes something and is never sent twice (creating a folder, starting an upload job) got "
         "no answer, so whether Encord acted on it is not known. Look in Encord (the folder, its upload jobs) "
         "before trying again: a second request would make a second folder or job."},

        // ---- Upload batches and results -----------------------------------------------------------------
        {"encord.upload.sizes-unknown", I, fixed, kEncordApi, "Upload batches", "",
         "Some objects have no known size (the object check, which reads them from the bucket, has not run or could "
         "not read them); they count 0 bytes, so a batch may hold more media than the byte budget (2 GB by default, "
         "Encord's best practices)."},
        {"encord.upload.unit-failed", E, fixed, kEncordApi, "Upload batches",
         "SDK `encord/orm/dataset.py` (DataUnitError)",
         "Encord's upload job could not import this item (a unit: a video, an image, an image group or a DICOM "
         "series); the message gives Encord's error, the action that failed and the subtask to quote to Encord "
         "support. The failed items can be saved as a manifest and sent again."},
        {"encord.upload.unmatched-error", W, fixed, kEncordApi, "Upload batches", "",
         "Encord reported a unit error for object URLs that no item of the batch names exactly (Encord may write a URL "
         "otherwise than the manifest did); the error is listed as Encord gave it."},
    };
    return codes;
}

}  // namespace eic::diag::code_table

#undef EIC_SDK_ERRORS
#undef EIC_SDK_CLIENT
#undef EIC_NETWORK_ERROR
