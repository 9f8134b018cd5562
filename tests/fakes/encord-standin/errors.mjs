// Error answers in the shape Encord's SDK reads: a JSON body whose `message` (or `detail`) it shows,
// by status (encord/http/v2/api_client.py `_handle_error`, encord/http/v2/error_utils.py in
// encord-team/encord-client-python). The texts below are the SDK's own defaults for each status, used
// when the stand-in has nothing more precise to say; 429 carries Retry-After in whole seconds, which
// is all the SDK parses (`retry_after_header.isdigit()`).

export const DEFAULT_MESSAGES = {
  400: "Provided payload is invalid and can't be processed.",
  401: 'You are not authenticated to access the Encord platform.',
  403: 'You are not authorised to access this asset.',
  404: 'The requested resource was not found.',
  405: 'HTTP method is not allowed.',
  413: 'Request payload is too large and exceeds the maximum allowed size.',
  429: 'Too many requests.',
  500: 'An unknown error occurred.',
  501: 'Not implemented by the Encord stand-in.',
};

// An error the handlers throw; server.mjs answers it with apiError's body.
export class ApiError extends Error {
  constructor(status, message, extra = {}) {
    super(message || DEFAULT_MESSAGES[status] || 'Error');
    this.status = status;
    this.extra = extra;
  }
}

export const apiError = (status, message, extra = {}) => ({ message: message || DEFAULT_MESSAGES[status] || 'Error', ...extra });

export const badRequest = (message) => new ApiError(400, message);
export const notFound = (message) => new ApiError(404, message);
