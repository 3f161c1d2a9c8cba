// RFC 9457 problem details from the server, turned into one error type the pages can show.

/**
 * One validation error; the tier model editor also gets `tier` and `line`, a stable `code` with its `args`, and for a
 * condition that cannot be used (missing_operand …) the rule's 1-based number and the `column` in the condition;
 * other model errors (unknown_key, duplicate_tier …) come with their sentence in both languages as `text`.
 */
export interface FieldError {
  field: string | null; message: string; tier?: string | null; line?: number | null;
  code?: string; rule?: number; column?: number; args?: Record<string, string>; text?: { zh?: string; en?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    /** The server's stable machine code (`signin_throttled`, `last_admin` …); the UI translates the ones it knows. */
    readonly code: string | null = null,
    /** Seconds to wait, from a 429's `retryAfterSeconds`. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

/**
 * Builds an ApiError from a response status and its parsed body (whatever it was: a problem object, other JSON,
 * or nothing). Never throws: a proxy's HTML error page must still become a readable message.
 */
export function parseProblem(status: number, body: unknown, statusText = ''): ApiError {
  const fallback = statusText ? `${status} ${statusText}` : `HTTP ${status}`;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return new ApiError(status, fallback, fallback, []);
  }
  const problem = body as Record<string, unknown>;
  const title = typeof problem.title === 'string' && problem.title ? problem.title : fallback;
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : title;
  const errors = Array.isArray(problem.errors) ? problem.errors.flatMap(toFieldError) : [];
  const code = typeof problem.code === 'string' && problem.code ? problem.code : null;
  const retryAfter = typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : null;
  return new ApiError(status, title, detail, errors, code, retryAfter);
}

function toFieldError(raw: unknown): FieldError[] {
  if (raw === null || typeof raw !== 'object') return [];
  const e = raw as Record<string, unknown>;
  if (typeof e.message !== 'string') return [];
  const args = strings(e.args);
  const text = strings(e.text);
  return [{
    field: typeof e.field === 'string' ? e.field : null,
    message: e.message,
    tier: typeof e.tier === 'string' ? e.tier : null,
    line: typeof e.line === 'number' ? e.line : null,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.rule === 'number' ? { rule: e.rule } : {}),
    ...(typeof e.column === 'number' ? { column: e.column } : {}),
    ...(args ? { args } : {}),
    ...(text ? { text } : {}),
  }];
}

/** The string values of a JSON object, or null when it is not one. */
function strings(raw: unknown): Record<string, string> | null {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    : null;
}

/** The index of the tier a field path such as `tiers[1].when` points at, or null for model-wide errors. */
export function tierIndexOf(field: string | null): number | null {
  const match = field ? /^tiers\[(\d+)\]/.exec(field) : null;
  return match ? Number(match[1]) : null;
}
