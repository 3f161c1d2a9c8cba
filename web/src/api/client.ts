// The one way the UI talks to the server: fetch with the bearer token, problem bodies as ApiError,
// and a 401 anywhere sends the user back to sign-in.
import { ApiError, parseProblem } from './problem';

const BASE = '/api/v1';
const TOKEN_KEY = 'strata.token';

// sessionStorage: the token dies with the tab, so a shared office PC does not stay signed in.
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions { method?: string; json?: unknown; form?: FormData; signal?: AbortSignal }

async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form; // the browser sets the multipart boundary
  }
  const response = await fetch(BASE + path, {
    method: options.method ?? (body ? 'POST' : 'GET'), headers, body, signal: options.signal,
  });
  if (!response.ok) throw await toError(path, response);
  return response;
}

async function toError(path: string, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  // A wrong password on the sign-in form is a 401 too, but it must show its message, not redirect.
  if (response.status === 401 && path !== '/auth/login') {
    tokenStore.clear();
    onUnauthorized();
  }
  return parseProblem(response.status, body, response.statusText);
}

/** Calls the API and returns its JSON answer (undefined for 204). Throws ApiError. */
export async function api<T>(path: string, options?: RequestOptions): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Downloads a file answer (export, rejected rows) with the bearer token: a plain link cannot carry the header,
 * so the file is fetched as a blob and saved through a temporary object URL.
 */
export async function download(path: string, fallbackName: string, options?: RequestOptions): Promise<void> {
  const response = await send(path, options);
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` form (Chinese names). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try { return decodeURIComponent(extended[1].trim()); } catch { /* fall through to the plain form */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}
