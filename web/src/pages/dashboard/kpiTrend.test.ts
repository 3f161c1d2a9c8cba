import { describe, expect, it } from 'vitest';
import { baseOf, change, formatChange, formatKpi, kpiValue, modelChangedBetween, trendLines, type KpiPoint, type KpiRow } from './kpiTrend';

const row = (tier: string | null, customers: number, retention: number | null = null): KpiRow => ({
  dimension: 'all', group: '', tier, customers, buyers: 0, revenueCents: customers * 100, revenueShare: null,
  averageOrderValue: null, repurchaseRate: null, retention, churnRate: null, movedUp: null, movedDown: null,
  averageClv: null, averagePAlive: null, nps: null, npsAnswers: 0, csat: null, csatAnswers: 0, complaintsPer100: null,
});
const point = (runId: number, asOf: string, fromAsOf: string | null, rows: KpiRow[], modelChanged = false): KpiPoint =>
  ({ runId, asOf, fromAsOf, modelChanged, rows });

// Quarterly snapshots as the demo makes them: the first period is the whole history.
const quarters = [
  point(1, '2025-08-01', null, [row('a', 10), row(null, 10)]),
  point(2, '2025-11-01', '2025-08-01', [row('a', 12), row(null, 12)]),
  point(3, '2026-02-01', '2025-11-01', [row('a', 13), row(null, 13)]),
  point(4, '2026-05-01', '2026-02-01', [row('a', 15), row('b', 1), row(null, 16)], true),
  point(5, '2026-08-01', '2026-05-01', [row('a', 16), row('b', 2), row(null, 18)]),
  point(6, '2026-11-01', '2026-08-01', [row('a', 18), row('b', 3), row(null, 21)]),
];

describe('kpi comparisons', () => {
  it('comparesWithThePeriodJustBefore', () => {
    expect(baseOf(quarters, 6, 'previous')?.runId).toBe(5);
    expect(baseOf(quarters, 3, 'previous')?.runId).toBe(2);
  });

  it('neverComparesWithTheWholeHistoryOfTheFirstSnapshot', () => {
    expect(baseOf(quarters, 2, 'previous')).toBeNull(); // run 1's period is everything before 2025-08-01
    expect(baseOf(quarters, 1, 'previous')).toBeNull();
    expect(baseOf(quarters, 5, 'year')).toBeNull(); // 2025-08-01 is a year earlier but not a quarter
  });

  it('findsTheSamePeriodAYearEarlierWithinAFewDays', () => {
    expect(baseOf(quarters, 6, 'year')?.runId).toBe(2);
    const shifted = [...quarters.slice(0, 5), point(6, '2026-11-10', '2026-08-01', [row(null, 1)])];
    expect(baseOf(shifted, 6, 'year')?.runId).toBe(2); // 9 days off a year, a period 9 days longer
    const monthly = [...quarters.slice(0, 5), point(6, '2026-11-01', '2026-10-01', [row(null, 1)])];
    expect(baseOf(monthly, 6, 'year')).toBeNull(); // a month is not a quarter
  });

  it('seesAModelChangeBetweenTheTwoSnapshots', () => {
    expect(modelChangedBetween(quarters, quarters[1], quarters[5])).toBe(true); // run 4 changed the model
    expect(modelChangedBetween(quarters, quarters[4], quarters[5])).toBe(false);
  });

  it('changesByKind', () => {
    expect(change('relative', 21, 12)).toBeCloseTo(0.75, 12); // (21 − 12) / 12
    expect(change('relative', -5, -10)).toBeCloseTo(0.5, 12); // a refund-heavy period getting better
    expect(change('relative', 3, 0)).toBeNull();
    expect(change('points', 0.42, 0.5)).toBeCloseTo(-0.08, 12);
    expect(change('absolute', 30, null)).toBeNull();
  });
});

describe('kpi trend lines', () => {
  it('drawsOneLinePerTierInModelOrderThenAllTiersWithGaps', () => {
    const t = trendLines(quarters, 'revenueCents', ['b', 'a']);
    expect(t.asOf).toEqual(['2025-11-01', '2026-02-01', '2026-05-01', '2026-08-01', '2026-11-01']);
    expect(t.lines.map((l) => l.tier)).toEqual(['b', 'a', null]);
    expect(t.lines[0].values).toEqual([null, null, 100, 200, 300]);
    expect(t.lines[2].values).toEqual([1200, 1300, 1600, 1800, 2100]);
    expect(t.modelChanges).toEqual(['2026-05-01']);
  });

  it('keepsTheFirstSnapshotForAStateAtTheAsOfDay', () => {
    expect(trendLines(quarters, 'customers', ['a', 'b']).asOf[0]).toBe('2025-08-01');
  });

  it('drawsTheChosenGroupOnlyWhenAPointHoldsSeveral', () => {
    // Two reps' rows in one point: the chosen rep's figures, never the first rep's under the team's name.
    const rep = (group: string, tier: string | null, customers: number): KpiRow => ({ ...row(tier, customers), dimension: 'owner', group });
    const mixed = [point(1, '2026-08-01', '2026-05-01', [rep('王芳', 'a', 1), rep('王芳', null, 1), rep('张伟', 'a', 2), rep('张伟', 'b', 5), rep('张伟', null, 7)])];
    const zhang = trendLines(mixed, 'customers', ['a', 'b'], { dimension: 'owner', group: '张伟' });
    expect(zhang.lines.map((l) => [l.tier, l.values[0]])).toEqual([['a', 2], ['b', 5], [null, 7]]);
    const wang = trendLines(mixed, 'customers', ['a', 'b'], { dimension: 'owner', group: '王芳' });
    expect(wang.lines.map((l) => [l.tier, l.values[0]])).toEqual([['a', 1], [null, 1]]);
    expect(trendLines(mixed, 'customers', ['a'], { dimension: 'team', group: 'south' }).lines).toEqual([{ tier: null, values: [null] }]);
  });

  it('listsTiersOnlyAnOlderModelHadAfterTheCurrentOnes', () => {
    const old = [point(1, '2025-01-01', '2024-10-01', [row('gold', 3), row(null, 3)]), quarters[5]];
    expect(trendLines(old, 'customers', ['a', 'b']).lines.map((l) => l.tier)).toEqual(['a', 'b', 'gold', null]);
  });
});

describe('kpi formats', () => {
  const f = { num: (n: number, d = 0) => n.toFixed(d), money: (n: number) => `¥${n.toFixed(2)}`,
    pct: (r: number) => `${(r * 100).toFixed(1)}%`, points: (s: string) => `${s} pp` };
  it('showsChangesWithTheirSignAndUnit', () => {
    expect(formatChange('revenueCents', 'relative', 0.125, f)).toBe('+12.5%');
    expect(formatChange('retention', 'points', -0.03, f)).toBe('−3.0 pp');
    expect(formatChange('nps', 'absolute', 4, f)).toBe('+4');
    expect(formatChange('csat', 'absolute', 0, f)).toBe('±0.00');
    expect(formatKpi('revenueCents', 123_456, f)).toBe('¥1234.56');
    expect(formatKpi('churnRate', null, f)).toBe('—');
  });

  it('showsServiceFiguresAsSharesAndOldSnapshotsWithoutThemAsEmpty', () => {
    // Snapshot 1 was stored before coverage and completion existed: its rows lack them (not 0).
    const served = (tier: string | null, coverage: number, completion: number | null): KpiRow =>
      ({ ...row(tier, 4), cadenceCustomers: 4, contactCoverage: coverage, tasksDue: 5, taskCompletion: completion });
    const points = [point(1, '2025-08-01', null, [row('a', 4), row(null, 4)]),
      point(2, '2025-11-01', '2025-08-01', [served('a', 0.75, 0.6), served(null, 0.75, 0.6)])];
    // Coverage is a state at the as-of day, so the first snapshot is drawn, as a gap.
    expect(trendLines(points, 'contactCoverage', ['a']).lines[0].values).toEqual([null, 0.75]);
    expect(trendLines(points, 'taskCompletion', ['a']).lines[0].values).toEqual([0.6]);
    expect(formatKpi('contactCoverage', kpiValue(points[0].rows[0], 'contactCoverage'), f)).toBe('—');
    expect(formatKpi('taskCompletion', 0.6, f)).toBe('60.0%');
    expect(formatChange('contactCoverage', 'points', 0.05, f)).toBe('+5.0 pp');
  });
});
