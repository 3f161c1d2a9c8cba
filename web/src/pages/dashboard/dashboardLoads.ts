// The dashboard's requests, started together as the page opens: its cards each load their own figures, but they
// mount only once the dashboard's answer is in, so on their own they would wait for it one after the other
// (issue 17: first page after sign-in). The cards take the answer already on its way instead of asking again.
import { api } from '../../api/client';
import { satisfactionPath } from './satisfaction';

/** What the cards ask for on first showing: the current snapshot's figures and the satisfaction card's default. */
export const DASHBOARD_PATHS = ['/dashboard', '/migrations', '/kpis', '/forecast', satisfactionPath('tier', 90)];

// An answer not taken within this time is dropped, so a later visit never shows figures from an earlier one.
const FRESH_MS = 10_000;
const started = new Map<string, { answer: Promise<unknown>; at: number }>();

/** Starts every request of the dashboard at once. */
export function startDashboardLoads(now = Date.now()): void {
  for (const path of DASHBOARD_PATHS) {
    const answer = api(path);
    answer.catch(() => {}); // a card that never takes it must not leave an unhandled rejection
    started.set(path, { answer, at: now });
  }
}

/** The answer to a request started by {@link startDashboardLoads}, once; null when none is on its way. */
export function takeStarted<T>(path: string, now = Date.now()): Promise<T> | null {
  const early = started.get(path);
  started.delete(path);
  return early && now - early.at < FRESH_MS ? early.answer as Promise<T> : null;
}

/** The answer started early if there is one, else a new request. */
export function loadOnce<T>(path: string, signal?: AbortSignal): Promise<T> {
  return takeStarted<T>(path) ?? api<T>(path, { signal });
}

/** Forgets requests no card took (the page closed first). */
export function dropDashboardLoads(): void {
  started.clear();
}
