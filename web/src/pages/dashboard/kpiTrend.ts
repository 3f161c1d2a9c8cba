// The KPI trend and the comparisons of the KPI-by-tier table: which earlier period a figure is set against, and the
// change. Pure functions over GET /kpis/trend, unit-tested in kpiTrend.test.ts.

export interface KpiRow {
  dimension: string; group: string; tier: string | null; customers: number; buyers: number; revenueCents: number;
  revenueShare: number | null; averageOrderValue: number | null; repurchaseRate: number | null;
  retention: number | null; churnRate: number | null; movedUp: number | null; movedDown: number | null;
  averageClv: number | null; averagePAlive: number | null; nps: number | null; npsAnswers: number;
  csat: number | null; csatAnswers: number; complaintsPer100: number | null;
  /** Absent (read as null) in KPIs stored before these figures existed. */
  cadenceCustomers?: number | null; contactCoverage?: number | null; tasksDue?: number | null; taskCompletion?: number | null;
}
/** One snapshot's KPIs; `fromAsOf` is null when its period is the whole history before it (the first snapshot). */
export interface KpiPoint { runId: number; asOf: string; fromAsOf: string | null; modelChanged: boolean; rows: KpiRow[] }

/**
 * How a KPI changes: `relative` (counts and money: +12 %), `points` (shares, in percentage points), `absolute`
 * (NPS points, CSAT, complaints per 100: the plain difference). `stock` KPIs are a state at the as-of day rather than
 * a sum over the period, so the first snapshot's value (a period of the whole history) is comparable too.
 */
export type ChangeKind = 'relative' | 'points' | 'absolute';
export interface KpiDef { key: KpiKey; change: ChangeKind; stock: boolean }
export type KpiKey = 'customers' | 'buyers' | 'revenueCents' | 'revenueShare' | 'averageOrderValue' | 'repurchaseRate'
  | 'retention' | 'churnRate' | 'netMigration' | 'averageClv' | 'averagePAlive' | 'nps' | 'csat' | 'complaintsPer100'
  | 'contactCoverage' | 'taskCompletion';

export const KPIS: KpiDef[] = [
  { key: 'customers', change: 'relative', stock: true }, { key: 'buyers', change: 'relative', stock: false },
  { key: 'revenueCents', change: 'relative', stock: false }, { key: 'revenueShare', change: 'points', stock: false },
  { key: 'averageOrderValue', change: 'relative', stock: false }, { key: 'repurchaseRate', change: 'points', stock: false },
  { key: 'retention', change: 'points', stock: false }, { key: 'churnRate', change: 'points', stock: false },
  { key: 'netMigration', change: 'absolute', stock: false }, { key: 'averageClv', change: 'relative', stock: true },
  { key: 'averagePAlive', change: 'points', stock: true }, { key: 'nps', change: 'absolute', stock: false },
  { key: 'csat', change: 'absolute', stock: false }, { key: 'complaintsPer100', change: 'absolute', stock: false },
  // Coverage is a state at the as-of day (contacted within the cadence then); completion counts the period's tasks.
  { key: 'contactCoverage', change: 'points', stock: true }, { key: 'taskCompletion', change: 'points', stock: false },
];

export function kpiValue(row: KpiRow | undefined, key: KpiKey): number | null {
  if (!row) return null;
  if (key === 'netMigration') return row.movedUp === null || row.movedDown === null ? null : row.movedUp - row.movedDown;
  const v = row[key];
  return v === null || v === undefined ? null : v;
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
/** Snapshots this many days off a year (or off the period's length) still count as the same period a year before. */
const YEAR_TOLERANCE_DAYS = 15;

export type Comparison = 'previous' | 'year';

/**
 * The earlier point a snapshot's figures are compared with, or null when the history has none: `previous` is the
 * period just before (it must be a period too, not the whole history), `year` the period of about the same length
 * ending about a year earlier.
 */
export function baseOf(points: KpiPoint[], runId: number, comparison: Comparison): KpiPoint | null {
  const current = points.find((p) => p.runId === runId);
  if (!current?.fromAsOf) return null;
  const periods = points.filter((p) => p.fromAsOf !== null && p.runId !== runId);
  if (comparison === 'previous') return periods.find((p) => p.asOf === current.fromAsOf) ?? null;
  const length = days(current.asOf) - days(current.fromAsOf);
  const target = new Date(`${current.asOf}T00:00:00Z`);
  target.setUTCFullYear(target.getUTCFullYear() - 1);
  const targetDay = target.getTime() / DAY;
  const near = periods.filter((p) => Math.abs(days(p.asOf) - targetDay) <= YEAR_TOLERANCE_DAYS
    && Math.abs(days(p.asOf) - days(p.fromAsOf as string) - length) <= YEAR_TOLERANCE_DAYS);
  near.sort((a, b) => Math.abs(days(a.asOf) - targetDay) - Math.abs(days(b.asOf) - targetDay));
  return near[0] ?? null;
}

/**
 * Whether the tiers of two snapshots come from different model versions: then only the all-tiers row is compared,
 * since a tier of one model is not the same group of customers as a tier of the same name in another.
 */
export function modelChangedBetween(points: KpiPoint[], base: KpiPoint, current: KpiPoint): boolean {
  return points.some((p) => p.modelChanged && p.asOf > base.asOf && p.asOf <= current.asOf);
}

/** The change of one KPI from `before` to `now` as its kind says; null when either is empty or a ratio has no base. */
export function change(kind: ChangeKind, now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  if (kind === 'relative') return before === 0 ? null : (now - before) / Math.abs(before);
  return now - before;
}

/** The row of the same group and tier in another snapshot. */
export function matchingRow(point: KpiPoint, row: Pick<KpiRow, 'dimension' | 'group' | 'tier'>): KpiRow | undefined {
  return point.rows.find((r) => r.dimension === row.dimension && r.group === row.group && r.tier === row.tier);
}

/**
 * The chart's lines for one KPI of one group of customers (`group`: a dimension and its value, as chosen above the
 * table; without it the group of the first all-tiers row): one per tier (model order first, then tiers only earlier
 * models had) plus all tiers (`tier: null`), over the snapshots the KPI is defined for; a tier absent from a snapshot
 * is a gap (null). `modelChanges` are the as-of days whose snapshot was tiered by another model version than the one
 * before.
 */
export function trendLines(points: KpiPoint[], key: KpiKey, tierOrder: string[],
  group: Pick<KpiRow, 'dimension' | 'group'> | null = null): {
  asOf: string[]; lines: { tier: string | null; values: (number | null)[] }[]; modelChanges: string[];
} {
  const def = KPIS.find((k) => k.key === key);
  const shown = [...points].sort((a, b) => a.runId - b.runId).filter((p) => def?.stock || p.fromAsOf !== null);
  const groupOf = (p: KpiPoint) => group ?? p.rows.find((r) => r.tier === null) ?? p.rows[0];
  const inGroup = (p: KpiPoint) => {
    const g = groupOf(p);
    return g ? p.rows.filter((r) => r.dimension === g.dimension && r.group === g.group) : [];
  };
  const seen = new Set(shown.flatMap((p) => inGroup(p).map((r) => r.tier)).filter((t): t is string => t !== null));
  const tiers = [...tierOrder.filter((t) => seen.has(t)), ...[...seen].filter((t) => !tierOrder.includes(t))];
  const lines = [...tiers, null].map((tier) => ({
    tier,
    values: shown.map((p) => kpiValue(inGroup(p).find((r) => r.tier === tier), key)),
  }));
  return { asOf: shown.map((p) => p.asOf), lines, modelChanges: shown.filter((p) => p.modelChanged).map((p) => p.asOf) };
}

export interface Formats {
  num: (n: number, digits?: number) => string; money: (n: number) => string; pct: (ratio: number) => string;
  /** A difference of shares in percentage points, e.g. "+1.5 pp". */
  points: (signedPoints: string) => string;
}

const MONEY: KpiKey[] = ['revenueCents', 'averageOrderValue', 'averageClv'];
const SHARES: KpiKey[] = ['revenueShare', 'repurchaseRate', 'retention', 'churnRate', 'averagePAlive', 'contactCoverage',
  'taskCompletion'];
const DIGITS: Partial<Record<KpiKey, number>> = { nps: 0, csat: 2, complaintsPer100: 1 };

/** A KPI's value as the table shows it; revenue is stored in cents. */
export function formatKpi(key: KpiKey, v: number | null, f: Formats): string {
  if (v === null) return '—';
  if (key === 'revenueCents') return f.money(v / 100);
  if (MONEY.includes(key)) return f.money(v);
  if (SHARES.includes(key)) return f.pct(v);
  return f.num(v, DIGITS[key]);
}

/** A change with its sign: "+12 %" for relative, "−3.0 pp" for shares, "+4" (in the KPI's unit) otherwise. */
export function formatChange(key: KpiKey, kind: ChangeKind, delta: number, f: Formats): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  if (kind === 'relative') return sign + f.pct(size);
  if (kind === 'points') return f.points(sign + f.num(size * 100, 1));
  if (key === 'revenueCents') return sign + f.money(size / 100);
  return sign + (MONEY.includes(key) ? f.money(size) : f.num(size, DIGITS[key] ?? 0));
}
