// The duplicates API's shapes (GET /duplicates, POST /duplicates/{id}/accept|reject|undo) and which decisions a
// pair offers: a pending pair is accepted or rejected, a decided one can only be undone.
import type { MessageKey } from '../../i18n/messages';

export type Status = 'pending' | 'accepted' | 'rejected';
export interface Side { id: string; name: string | null; phone: string | null; email: string | null; owner: string | null }
export interface DuplicatePair {
  id: number; a: Side; b: Side; reasons: string[]; score: number; status: Status;
  decidedBy: string | null; decidedAt: string | null; note: string | null;
}

/** The decision buttons of a pair, as the status each one moves it to. */
export function decisionsFor(status: Status): Status[] {
  return status === 'pending' ? ['accepted', 'rejected'] : ['pending'];
}

/** The endpoint of a decision. */
export function actionPath(id: number, to: Status): string {
  const verb = to === 'accepted' ? 'accept' : to === 'rejected' ? 'reject' : 'undo';
  return `/duplicates/${id}/${verb}`;
}

/** A reason code's label key; a code this UI does not know yet is shown as it came (null). */
export function reasonKey(code: string, known: Record<string, string>): MessageKey | null {
  const key = `dup.reason.${code}`;
  return key in known ? (key as MessageKey) : null;
}
