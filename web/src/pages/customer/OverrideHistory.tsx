// Every override the customer has had, on the 360° page: who set it and why, and how it stands: in force, expired,
// removed by someone, or ended by the system with its reason (a new model version without its tier, issue 14 §1).
import { Card, Timeline, Typography } from 'antd';
import type { Override, RunNote } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { labelOf, type Lang } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { TierTag } from '../../components/TierTag';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export type OverrideState =
  | { kind: 'active'; until: string | null }
  | { kind: 'expired'; at: string }
  | { kind: 'removed'; by: string; at: string }
  | { kind: 'ended'; at: string; note: RunNote | null };

/** The system's name in removedBy (strata.server.override.OverrideStore.SYSTEM). */
const SYSTEM = 'system';

/**
 * How an override stands at `now`. An override that expired before it was removed counts as expired: setting a new
 * override also stamps the expired one as removed, though it had stopped applying at its expiry.
 */
export function overrideState(o: Override, now: Date): OverrideState {
  const end = o.removedAt ? new Date(o.removedAt) : now;
  if (o.expiresAt && new Date(o.expiresAt) <= end) return { kind: 'expired', at: o.expiresAt };
  if (!o.removedAt) return { kind: 'active', until: o.expiresAt };
  if (o.removedBy === SYSTEM) return { kind: 'ended', at: o.removedAt, note: o.endNote ?? null };
  return { kind: 'removed', by: o.removedBy ?? '', at: o.removedAt };
}

/** The state in the reader's language; an ended override adds the system's reason. */
export function stateText(s: OverrideState, t: T, lang: Lang, dateTime: (iso: string) => string): string {
  switch (s.kind) {
    case 'active': return s.until ? t('overrides.activeUntil', { date: dateTime(s.until) }) : t('overrides.active');
    case 'expired': return t('overrides.expired', { date: dateTime(s.at) });
    case 'removed': return t('overrides.removed', { user: s.by, date: dateTime(s.at) });
    case 'ended':
      return s.note ? t('overrides.endedWhy', { date: dateTime(s.at), why: labelOf(s.note, lang) })
        : t('overrides.ended', { date: dateTime(s.at) });
  }
}

/** The list, newest first, as GET /customers/{id}/overrides gives it (null while loading). */
export function OverrideHistory({ overrides }: { overrides: Override[] | null }) {
  const { t, lang, dateTime } = useI18n();
  const now = new Date();
  return (
    <Card title={t('overrides.title')} size="small" style={{ marginTop: 16 }} data-testid="c360-overrides">
      {overrides?.length === 0 && <Typography.Text type="secondary">{t('overrides.none')}</Typography.Text>}
      <Timeline items={(overrides ?? []).map((o) => {
        const state = overrideState(o, now);
        return {
          key: o.id,
          color: state.kind === 'active' ? 'blue' : 'gray',
          children: (
            <div data-testid="c360-override-entry" data-state={state.kind}>
              <div>{dateTime(o.createdAt)} · <TierTag tier={o.tier} /></div>
              <div>{t('c360.overrideBy', { user: o.createdBy, reason: o.reason })}</div>
              <Typography.Text type="secondary" data-testid="c360-override-state">
                {stateText(state, t, lang, dateTime)}
              </Typography.Text>
            </div>
          ),
        };
      })} />
    </Card>
  );
}
