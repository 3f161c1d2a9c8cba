// Loads data for a page and re-loads when its inputs change; stale answers of earlier inputs are dropped.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError } from './problem';

export interface Loaded<T> { data: T | null; error: ApiError | null; loading: boolean; reload: () => void }

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const call = ++latest.current;
    setLoading(true);
    run()
      .then((value) => { if (call === latest.current) { setData(value); setError(null); } })
      .catch((e: ApiError) => { if (call === latest.current) setError(e); })
      .finally(() => { if (call === latest.current) setLoading(false); });
  }, [run]);
  useEffect(reload, [reload]);
  return { data, error, loading, reload };
}
