// One request at a time for an input that keeps changing (a list's filters): starting a new request aborts the one
// before, and only the newest may deliver. Without it, clearing a filter could show the answer of the filtered
// request that happened to arrive last (issue 17: a stale list after clearing the filter).

export interface Ticket {
  signal: AbortSignal;
  /** Whether no later request has started since this one. */
  current: () => boolean;
}

export interface Latest {
  next: () => Ticket;
  /** Aborts the running request (the page is left). */
  cancel: () => void;
}

export function latest(): Latest {
  let sequence = 0;
  let controller: AbortController | null = null;
  const cancel = () => { controller?.abort(); controller = null; };
  return {
    next() {
      cancel();
      const own = ++sequence;
      const mine = new AbortController();
      controller = mine;
      return { signal: mine.signal, current: () => own === sequence && !mine.signal.aborted };
    },
    cancel() { cancel(); sequence++; },
  };
}
