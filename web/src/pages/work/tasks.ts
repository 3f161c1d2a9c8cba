// The work list's own logic, free of React so it is unit-tested: which days a view covers, how tasks group by type,
// (the call list's CSV is the server's).
import type { Page, Task } from '../../api/types';
import type { I18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

/** Most urgent kinds of work first: a complaint or a slipping key account before routine follow-ups. */
export const TYPE_ORDER = ['recovery', 'win_back', 'welcome', 'thank_you', 'follow_up', 'reactivate', 'greeting', 'gift',
  'pool_warning', 'pool_return'];

/** The browser's calendar day as `YYYY-MM-DD` (a rep's "today" is the day on their own clock). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `YYYY-MM-DD` plus whole days, counted on the calendar (UTC arithmetic, so no daylight-saving hour shifts it). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type Range = 'today' | 'upcoming';

/** The API's `dueBefore` (exclusive) of a view: today and everything overdue, or the planner's next 14 days too. */
export function dueBefore(range: Range, today: string): string {
  return addDays(today, range === 'today' ? 1 : 15);
}

/** A list's total as shown: "1,000+" when the server stopped counting there (Page.totalExact false). */
export function countText({ total, totalExact }: Pick<Page<unknown>, 'total' | 'totalExact'>, num: (n: number) => string): string {
  return totalExact === false ? `${num(total)}+` : num(total);
}

export function isOverdue(task: Pick<Task, 'dueDate'>, today: string): boolean {
  return task.dueDate < today;
}

export interface TaskGroup { type: string; tasks: Task[] }

/**
 * Tasks grouped by type, groups in {@link TYPE_ORDER} (unknown types after, by name), each group by due day then id,
 * so the oldest overdue task of a kind leads it.
 */
export function groupByType(tasks: Task[]): TaskGroup[] {
  const byType = new Map<string, Task[]>();
  for (const task of tasks) {
    const list = byType.get(task.type) ?? [];
    list.push(task);
    byType.set(task.type, list);
  }
  const rank = (type: string) => {
    const i = TYPE_ORDER.indexOf(type);
    return i < 0 ? TYPE_ORDER.length : i;
  };
  return [...byType.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([type, list]) => ({
      type,
      tasks: [...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id),
    }));
}

const STOPS = ['cap', 'no_phone', 'no_email', 'no_consent', 'do_not_contact', 'holdout', 'tier_changed', 'contacted',
  'no_longer_due', 'customer_removed'];

/**
 * Why a task is held back or cancelled, in the user's words: the server's suppressed_by (`code` or `code:detail`, core's
 * StopReason; a cap's detail is `channel/period<=limit`, e.g. `all/week<=2`). An unknown code is shown as sent.
 */
export function stopText(stop: string, { t, date }: Pick<I18n, 't' | 'date'>, tierName: (id: string) => string = (id) => id): string {
  const at = stop.indexOf(':');
  const code = at < 0 ? stop : stop.slice(0, at);
  const detail = at < 0 ? '' : stop.slice(at + 1);
  if (!STOPS.includes(code)) return stop;
  const channel = (c: string) => (c === 'all' ? t('outlook.all')
    : `channel.${c}` in CHANNELS ? t(`channel.${c}` as MessageKey) : c);
  if (code === 'cap') {
    const cap = /^(\w+)\/(week|month)<=(\d+)$/.exec(detail);
    if (!cap) return stop;
    return t('stop.cap', { channel: channel(cap[1]), period: t(cap[2] === 'week' ? 'outlook.week' : 'outlook.month'), limit: cap[3] });
  }
  const vars: Record<string, string> = code === 'contacted' ? { date: date(detail) } : code === 'tier_changed' ? { tier: tierName(detail) }
    : { channel: channel(detail), id: detail };
  return t(`stop.${code}` as MessageKey, vars);
}

const CHANNELS = { 'channel.visit': 1, 'channel.phone': 1, 'channel.wechat': 1, 'channel.sms': 1, 'channel.email': 1 };
