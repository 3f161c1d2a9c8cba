// Names and phone numbers of the customers on the work list. A task carries only the customer's id, so the page
// reads each customer's profile (GET /customers/{id}), a few at a time and at most LIMIT of them, and keeps them
// while the page is open.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CustomerDetail } from '../../api/types';

export interface Profile { name: string | null; phone: string | null }

const LIMIT = 100;
const PARALLEL = 8;

export function useProfiles(ids: string[]): Map<string, Profile> {
  const [profiles, setProfiles] = useState<Map<string, Profile>>(new Map());
  const wanted = [...new Set(ids)].slice(0, LIMIT).join('\n');
  useEffect(() => {
    let stopped = false;
    const queue = wanted ? wanted.split('\n').filter((id) => !profiles.has(id)) : [];
    // A few at a time, and one state update per batch: a long list re-renders a dozen times, not once per customer.
    const run = async () => {
      for (let at = 0; at < queue.length && !stopped; at += PARALLEL) {
        const batch = await Promise.all(queue.slice(at, at + PARALLEL).map((id) =>
          api<CustomerDetail>(`/customers/${encodeURIComponent(id)}`)
            .then((c) => [id, { name: c.profile.name, phone: c.profile.phone }] as const)
            .catch(() => null))); // the id stays shown instead of the name
        if (stopped) return;
        setProfiles((before) => {
          const next = new Map(before);
          for (const found of batch) if (found) next.set(found[0], found[1]);
          return next;
        });
      }
    };
    void run();
    return () => { stopped = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  return profiles;
}
