// Names and phone numbers of the customers on the work list. A task carries only the customer's id, so the page
// reads each customer's profile (GET /customers/{id}), a few at a time and at most LIMIT of them, and keeps them
// while the page is open.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CustomerDetail } from '../../api/types';

export interface Profile { name: string | null; phone: string | null }

const LIMIT = 100;
const PARALLEL = 4;

export function useProfiles(ids: string[]): Map<string, Profile> {
  const [profiles, setProfiles] = useState<Map<string, Profile>>(new Map());
  const wanted = [...new Set(ids)].slice(0, LIMIT).join('\n');
  useEffect(() => {
    let stopped = false;
    const queue = wanted ? wanted.split('\n').filter((id) => !profiles.has(id)) : [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !stopped; id = queue.shift()) {
        try {
          const c = await api<CustomerDetail>(`/customers/${encodeURIComponent(id)}`);
          const profile = { name: c.profile.name, phone: c.profile.phone };
          if (!stopped) setProfiles((before) => new Map(before).set(id, profile));
        } catch { /* the id stays shown instead of the name */ }
      }
    };
    for (let i = 0; i < PARALLEL; i++) void worker();
    return () => { stopped = true; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  return profiles;
}
