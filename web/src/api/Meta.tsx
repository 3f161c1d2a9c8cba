// Tier names and code lists from GET /meta, loaded once after sign-in and reloaded when the model changes.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './client';
import type { CodeLabel, Meta } from './types';
import { labelOf } from '../i18n/locale';
import { useI18n } from '../i18n/I18n';

type CodeList = 'lifecycle' | 'segments' | 'segments11' | 'abc' | 'quadrants' | 'rejectReasons' | 'churnFeatures';

interface MetaState {
  meta: Meta | null;
  reload: () => Promise<void>;
  tierName: (id: string | null | undefined) => string;
  codeName: (list: CodeList, id: string | null | undefined) => string;
  /** A metric's name for people (最近购买距今天数 for recency_days); the code itself until /meta has loaded. */
  metricName: (id: string) => string;
  /** Options for an antd Select of a code list or the tiers. */
  options: (list: CodeList | 'tiers') => { value: string; label: string }[];
}

const MetaContext = createContext<MetaState | null>(null);

export function MetaProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [meta, setMeta] = useState<Meta | null>(null);
  const reload = useCallback(async () => { setMeta(await api<Meta>('/meta')); }, []);
  useEffect(() => { reload().catch(() => {}); }, [reload]);

  const tierName = (id: string | null | undefined) => {
    if (!id) return '—';
    return labelOf(meta?.tiers.find((t) => t.id === id)?.name, lang, id);
  };
  const codeName = (list: CodeList, id: string | null | undefined) => {
    if (!id) return '—';
    return labelOf((meta?.[list] as CodeLabel[] | undefined)?.find((c) => c.id === id)?.name, lang, id);
  };
  const metricName = (id: string) => labelOf(meta?.metrics?.find((m) => m.id === id)?.name, lang, id);
  const options = (list: CodeList | 'tiers') => {
    const items = (meta?.[list] ?? []) as CodeLabel[];
    return items.map((c) => ({ value: c.id, label: labelOf(c.name, lang, c.id) }));
  };
  return <MetaContext.Provider value={{ meta, reload, tierName, codeName, metricName, options }}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaState {
  const value = useContext(MetaContext);
  if (!value) throw new Error('useMeta outside MetaProvider');
  return value;
}
