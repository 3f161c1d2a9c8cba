// What a failed call says to the user, always in their language: the translation of its problem code (err.<code>),
// else of the code its status has (a code newer than this UI, a proxy's bare 502), else a network failure's text.
// The server's English `detail` is for people reading logs and never reaches the page. Used by the error banner and
// every toast.
import { ApiError, type FieldError } from '../api/problem';
import { labelOf, type Lang } from './locale';
import { messages, type MessageKey } from './messages';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const own = `err.${error.code}`;
    const key = own in messages.en ? own : `err.${codeOfStatus(error.status)}`;
    return t(key as MessageKey, { seconds: error.retryAfterSeconds ?? '?' });
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return t('err.network');
  return error instanceof Error ? error.message : String(error);
}

/**
 * The generic code of a status, as the server's Problems.code gives it (errors.test.ts checks each has its text), but
 * for two: a 422 whose own code is unknown here is not necessarily about the tier model, and a proxy's 502 or 504 means
 * the server is not there, as 503 does.
 */
function codeOfStatus(status: number): string {
  const known: Record<number, string> = {
    400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
    406: 'not_acceptable', 408: 'request_timeout', 409: 'conflict', 413: 'payload_too_large', 414: 'uri_too_long',
    415: 'unsupported_media_type', 422: 'invalid_request', 429: 'too_many_requests', 431: 'headers_too_large',
    500: 'internal_error', 501: 'not_implemented', 502: 'unavailable', 503: 'unavailable', 504: 'unavailable',
  };
  return known[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** A field error as the user reads it: its sentence in their language when the server sent both (`text`), else its message. */
export function fieldErrorText(error: FieldError, lang: Lang): string {
  return error.text ? labelOf(error.text, lang, error.message) : error.message;
}
