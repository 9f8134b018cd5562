// Error bodies of the JSON APIs.
// Cloud Storage JSON API (https://cloud.google.com/storage/docs/json_api/v1/status-codes):
//   {"error": {"code", "message", "errors": [{"message", "domain": "global", "reason", ...}]}}.
// IAM Credentials, a newer API, answers google.rpc.Status style: {"error": {"code", "message", "status"}}
//   (https://cloud.google.com/apis/design/errors).

export function storageError(code, reason, message, extra = {}) {
  return { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } };
}

export const loginRequired = () =>
  storageError(401, 'required', 'Login Required', { locationType: 'header', location: 'Authorization' });

export const invalidCredentials = () =>
  storageError(401, 'authError', 'Invalid Credentials', { locationType: 'header', location: 'Authorization' });

export function rpcError(code, status, message) {
  return { error: { code, message, status } };
}
