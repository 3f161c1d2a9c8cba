// Calls `tick` every interval while `active`; used to follow a running scoring run or import.
import { useEffect, useRef } from 'react';

export function usePolling(active: boolean, tick: () => void, intervalMs = 1000): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
}
