import { describe, expect, it } from 'vitest';
import { backtestByPeriod, coverage, type BacktestRow } from './forecast';

const row = (asOf: string, tier: string, covered: boolean): BacktestRow =>
  ({ asOf, tier, expected: 1, low: 0, high: 2, actual: covered ? 1 : 5, covered });

describe('forecast backtest', () => {
  const rows = [row('2026-03-31', 'big', false), row('2026-03-31', 'small', true), row('2026-04-30', 'big', true)];

  it('countsTheActualsInsideTheirInterval', () => {
    expect(coverage(rows)).toEqual({ covered: 2, total: 3 });
    expect(coverage([])).toEqual({ covered: 0, total: 0 });
  });

  it('groupsByPeriodNewestFirstKeepingTheModelsTierOrder', () => {
    const periods = backtestByPeriod(rows);
    expect(periods.map((p) => p.asOf)).toEqual(['2026-04-30', '2026-03-31']);
    expect(periods[1].rows.map((r) => r.tier)).toEqual(['big', 'small']);
  });
});
