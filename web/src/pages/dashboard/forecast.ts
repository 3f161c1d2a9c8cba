// The shape of GET /forecast and what the panel derives from it; pure, tested in forecast.test.ts.

export interface ForecastRow { tier: string; current: number; expected: number; low: number; high: number; downgradeRisk: number | null }
export interface BacktestRow { asOf: string; tier: string; expected: number; low: number; high: number; actual: number; covered: boolean }
export interface ModelChange { before: string; versionBefore: string; after: string; versionAfter: string }
export interface Forecast {
  runId: number; asOf: string; modelVersion: number; unavailable: 'one_snapshot' | 'model_changed' | null;
  tiers: string[];
  matrix: { pairs: number; from: string; to: string; counts: number[][]; probabilities: (number | null)[][] } | null;
  forecast: ForecastRow[]; tiersWithoutHistory: string[]; modelChanges: ModelChange[]; backtest: BacktestRow[];
}

/** How many backtest counts fell inside their 95 % interval, of how many: about 95 % when the model holds. */
export function coverage(rows: BacktestRow[]): { covered: number; total: number } {
  return { covered: rows.filter((r) => r.covered).length, total: rows.length };
}

/** Backtest rows grouped by the period they forecast, newest first, for a table that reads period by period. */
export function backtestByPeriod(rows: BacktestRow[]): { asOf: string; rows: BacktestRow[] }[] {
  const periods = new Map<string, BacktestRow[]>();
  for (const r of rows) periods.set(r.asOf, [...(periods.get(r.asOf) ?? []), r]);
  return [...periods.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([asOf, list]) => ({ asOf, rows: list }));
}
