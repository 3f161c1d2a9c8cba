// Loads data for a page and re-loads when its inputs change; an earlier request is aborted and its answer dropped.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError } from './problem';
import { latest } from './latest';

export interface Loaded<T> { data: T | null; error: ApiError | null; loading: boolean; reload: () => void }

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const requests = useRef(latest());
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const ticket = requests.current.next();
    setLoading(true);
    run(ticket.signal)
      .then((value) => { if (ticket.current()) { setData(value); setError(null); } })
      .catch((e: ApiError) => { if (ticket.current()) setError(e); })
      .finally(() => { if (ticket.current()) setLoading(false); });
  }, [run]);
  useEffect(() => { reload(); }, [reload]);
  useEffect(() => () => requests.current.cancel(), []);
  return { data, error, loading, reload };
}
