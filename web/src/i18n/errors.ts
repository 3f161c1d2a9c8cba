// What a failed call says to the user: the translation of its problem code when the UI has one (err.<code>), else
// the server's detail. Shared by the error banner and the toasts of one-click actions (claim, complete).
import { ApiError, type FieldError } from '../api/problem';
import { labelOf, type Lang } from './locale';
import { messages, type MessageKey } from './messages';

export function errorText(error: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const apiError = error instanceof ApiError ? error : null;
  const codeKey = apiError?.code ? `err.${apiError.code}` : null;
  const translated = codeKey && codeKey in messages.en
    ? t(codeKey as MessageKey, { seconds: apiError?.retryAfterSeconds ?? '?' }) : null;
  return translated ?? apiError?.detail ?? (error instanceof Error ? error.message : String(error));
}

/** A field error as the user reads it: its sentence in their language when the server sent both (`text`), else its message. */
export function fieldErrorText(error: FieldError, lang: Lang): string {
  return error.text ? labelOf(error.text, lang, error.message) : error.message;
}
