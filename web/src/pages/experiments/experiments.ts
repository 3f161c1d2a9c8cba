// The experiments API's shapes (GET /experiments, /experiments/{id}, /customers/{id}/experiments) and how a
// difference is written: shares in percentage points, revenue in money, NPS in points.

export interface Text { zh: string; en: string }
export interface Ending { asOf: string; at: string; run: number; code: string; detail: string; text: Text }
export interface ExperimentSummary {
  id: string; share: number; tiers: string[]; scopes: string[]; modelVersion: number; startRun: number;
  startedAsOf: string; plannedEnd: string; status: 'running' | 'ended'; ended: Ending | null;
}
export interface Diff { estimate: number; lower: number; upper: number; excludesZero: boolean }
export interface Comparison {
  metric: string; label: Text; nTreated: number; nHeldOut: number; treated: number | null; heldOut: number | null;
  difference: Diff | null; bootstrap: Diff | null; tooFew: boolean;
}
export interface Group { tier: string; treated: number; heldOut: number; comparisons: Comparison[] }
export interface Warning { code: string; tier: string; detail: string; value: number | null; text: Text }
export interface Mde { tier: string; customers: number; baseline: number | null; mde: number | null; reason: string | null }
export interface ExperimentDetail {
  experiment: ExperimentSummary; strata: { tier: string; cutoff: number; enrolled: number }[];
  window: { preFrom: string; from: string; to: string }; readOn: string; mde: Mde[];
  tiers: Group[]; overall: Group; warnings: Warning[];
}
/** GET /experiments/plan: the baseline window is the `days` up to the current snapshot's as-of day. */
export interface Plan { runId: number; from: string; asOf: string; share: number; days: number; mde: Mde[] }
export interface Membership { experiment: string; stratum: string; heldOut: boolean; status: string; plannedEnd: string }

export type Unit = 'share' | 'money' | 'points';

/** Shares are compared in percentage points, revenue per customer in money, NPS in its own points. */
export function unitOf(metric: string): Unit {
  if (metric === 'revenue_per_customer') return 'money';
  if (metric === 'nps') return 'points';
  return 'share';
}

/** A value of a group: 42.5 % for a share, 1,234.00 for money, 33 for NPS; '—' when the group is empty. */
export function formatValue(metric: string, v: number | null, money: (x: number) => string, digits = 1): string {
  if (v === null || v === undefined) return '—';
  const unit = unitOf(metric);
  if (unit === 'share') return `${(v * 100).toFixed(digits)} %`;
  if (unit === 'money') return money(v);
  return v.toFixed(0);
}

/** A signed difference: "+12.3 pp", "−80.00", "+67"; shares are differences of rates, so percentage points. */
export function formatDifference(metric: string, d: number, money: (x: number) => string): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const unit = unitOf(metric);
  const size = Math.abs(d);
  if (unit === 'share') return `${sign}${(size * 100).toFixed(1)} pp`;
  if (unit === 'money') return `${sign}${money(size)}`;
  return `${sign}${size.toFixed(0)}`;
}

/** "+40.0 pp (+15.3 pp … +58.6 pp)" or null when there is no interval (too few customers). */
export function formatInterval(metric: string, d: Diff | null, money: (x: number) => string): string | null {
  if (!d) return null;
  const f = (x: number) => formatDifference(metric, x, money);
  return `${f(d.estimate)} (${f(d.lower)} … ${f(d.upper)})`;
}

/** The warnings of a tier ("" for the whole experiment) in the reader's language. */
export function warningsOf(warnings: Warning[], tier: string, lang: 'zh' | 'en'): string[] {
  return warnings.filter((w) => w.tier === tier).map((w) => w.text[lang]);
}

/** GET /before-after: a model change's touched tiers against the rest; change is null before any change. */
export interface BeforeAfterComparison {
  metric: string; label: Text; touched: number; untouched: number; touchedBefore: number | null;
  touchedAfter: number | null; untouchedBefore: number | null; untouchedAfter: number | null; difference: Diff | null;
}
export interface BeforeAfter {
  change: { run: number; asOf: string; fromVersion: number; toVersion: number; touchedTiers: string[] } | null;
  window: { beforeFrom: string; beforeTo: string; afterFrom: string; afterTo: string; plannedEnd: string; complete: boolean } | null;
  readOn: string | null; evidence: { code: string; text: Text } | null;
  comparisons: BeforeAfterComparison[]; warnings: Warning[];
}

/** "12.0 % → 18.5 %" or "1,200.00 → 1,450.00". */
export function formatChange(metric: string, before: number | null, after: number | null, money: (x: number) => string): string {
  return `${formatValue(metric, before, money)} → ${formatValue(metric, after, money)}`;
}
