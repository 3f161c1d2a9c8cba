// The shape of GET /surveys/satisfaction and how the card words its cells; pure, tested in satisfaction.test.ts.

export type SatisfactionBy = 'tier' | 'owner' | 'category';
export const SATISFACTION_BY: SatisfactionBy[] = ['tier', 'owner', 'category'];
export const SATISFACTION_DAYS = [30, 90, 365];

export interface SatisfactionRow {
  group: string | null; all: boolean; invited: number; answered: number;
  responseRate: number | null; rateLower: number | null; rateUpper: number | null;
  nps: number | null; npsAnswers: number; csat: number | null; csatAnswers: number;
}
export interface Satisfaction { by: SatisfactionBy; days: number; from: string; to: string; runId: number | null; rows: SatisfactionRow[] }

export function satisfactionPath(by: SatisfactionBy, days: number): string {
  return `/surveys/satisfaction?by=${by}&days=${days}`;
}

/** How a row's group is named: the all-customers row, a group without a key (no tier, no category), the pool, or a key. */
export type GroupName = { kind: 'all' } | { kind: 'none'; by: SatisfactionBy } | { kind: 'pool' } | { kind: 'key'; by: SatisfactionBy; key: string };

export function groupName(row: SatisfactionRow, by: SatisfactionBy): GroupName {
  if (row.all) return { kind: 'all' };
  if (row.group === null) return { kind: 'none', by };
  if (by === 'owner' && row.group === '') return { kind: 'pool' };
  return { kind: 'key', by, key: row.group };
}

/** "62% (41%–80%)": the rate with its 95 % interval; "—" when nobody was invited (no rate, not 0 %). */
export function rateText(row: SatisfactionRow, pct: (r: number) => string): string {
  if (row.responseRate === null || row.rateLower === null || row.rateUpper === null) return '—';
  return `${pct(row.responseRate)} (${pct(row.rateLower)}–${pct(row.rateUpper)})`;
}

/** A score with the number of answers behind it, e.g. "-25 (4)"; "—" without answers. */
export function scoreText(score: number | null, answers: number, format: (n: number) => string, count: (n: number) => string): string {
  return score === null ? '—' : `${format(score)} (${count(answers)})`;
}
