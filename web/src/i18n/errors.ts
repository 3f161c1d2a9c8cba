// What a failed call says to the user: the translation of its problem code when the UI has one (err.<code>), else
// the server's detail. Shared by the error banner and the toasts of one-click actions (claim, complete).
import { ApiError } from '../api/problem';
import { messages, type MessageKey } from './messages';

export function errorText(error: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const apiError = error instanceof ApiError ? error : null;
  const codeKey = apiError?.code ? `err.${apiError.code}` : null;
  const translated = codeKey && codeKey in messages.en
    ? t(codeKey as MessageKey, { seconds: apiError?.retryAfterSeconds ?? '?' }) : null;
  return translated ?? apiError?.detail ?? (error instanceof Error ? error.message : String(error));
}
