// The experiments part of the mock server (docs/api.md "Experiments"): one running experiment on the high-value tier
// with C0001 held out, its result read before the planned end; figures are plausible, not computed.
const text = (zh, en) => ({ zh, en });
const SUMMARY = {
  id: 'care_2026', share: 0.1, tiers: ['high_value'], scopes: ['high_value/holdout'], modelVersion: 1, startRun: 1,
  startedAsOf: '2026-09-01', plannedEnd: '2026-11-30', status: 'running', ended: null,
};
const comparison = (metric, zh, en, treated, heldOut, d, n = [20, 5]) => ({
  metric, label: text(zh, en), nTreated: n[0], nHeldOut: n[1], treated, heldOut, tooFew: d === null,
  difference: d && { estimate: d[0], lower: d[1], upper: d[2], excludesZero: d[1] > 0 || d[2] < 0 },
  bootstrap: metric === 'revenue_per_customer' && d ? { estimate: d[0], lower: d[1] + 10, upper: d[2] - 10, excludesZero: false } : null,
});
const group = (tier, treated, heldOut, withIntervals) => ({
  tier, treated, heldOut, comparisons: [
    comparison('repurchase_rate', '复购率', 'Repurchase rate', 0.62, 0.41, withIntervals ? [0.21, 0.03, 0.37] : null, [treated, heldOut]),
    comparison('retention', '留存率', 'Retention', 0.8, 0.7, null, [12, 3]),
    comparison('migration_up', '升级占比', 'Moved up', 0.1, 0.05, withIntervals ? [0.05, -0.08, 0.15] : null, [treated, heldOut]),
    comparison('migration_down', '降级占比', 'Moved down', 0.05, 0.15, withIntervals ? [-0.1, -0.3, 0.02] : null, [treated, heldOut]),
    comparison('revenue_per_customer', '人均收入', 'Revenue per customer', 1520.5, 1210, withIntervals ? [310.5, -120, 760] : null, [treated, heldOut]),
    comparison('nps', 'NPS', 'NPS', 40, null, null, [10, 0]),
  ],
});
const warning = (code, tier, detail, zh, en) => ({ code, tier, detail, value: null, text: text(zh, en) });

export function experimentsRoute(path, me) {
  if (path === '/experiments') return { body: [SUMMARY] };
  if (path === '/experiments/care_2026') {
    const sales = me.role === 'sales';
    return { body: {
      experiment: SUMMARY, strata: [{ tier: 'high_value', cutoff: 0.1012, enrolled: sales ? 8 : 25 }],
      window: { preFrom: '2026-06-04', from: '2026-09-02', to: '2026-11-23' }, readOn: '2026-11-23',
      mde: [{ tier: 'high_value', customers: 25, baseline: 0.4, mde: 0.52, reason: null }, { tier: '', customers: 25, baseline: 0.4, mde: 0.52, reason: null }],
      tiers: [group('high_value', 20, 5, !sales)], overall: group('', 20, 5, !sales),
      warnings: [
        warning('peeking', '', '2026-11-30', '在计划结束日（2026-11-30）之前查看。', 'Read before the planned end (2026-11-30).'),
        warning('too_few', 'high_value', 'retention', '高价值客户：留存率的客户太少，不给出置信区间。', 'high_value: too few customers for Retention, so no interval.'),
      ],
    } };
  }
  if (path.startsWith('/experiments/')) return { status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no experiment' }, problem: true };
  return null;
}

/** C0001 is held out of care_2026; the other high-value customers are treated. */
export function membershipsOf(customer) {
  if (customer.tier !== 'high_value') return [];
  return [{ experiment: 'care_2026', stratum: 'high_value', heldOut: customer.id === 'C0001', status: 'running', plannedEnd: '2026-11-30' }];
}

/** GET /before-after: the model change of run 2 touched the high-value tier (figures plausible, not computed). */
export function beforeAfterRoute(me) {
  const sales = me.role === 'sales';
  const row = (metric, zh, en, tb, ta, ub, ua, d) => ({
    metric, label: text(zh, en), touched: sales ? 8 : 25, untouched: sales ? 12 : 55, touchedBefore: tb, touchedAfter: ta,
    untouchedBefore: ub, untouchedAfter: ua, difference: sales ? null : { estimate: d[0], lower: d[1], upper: d[2], excludesZero: d[1] > 0 || d[2] < 0 },
  });
  return { body: {
    change: { run: 2, asOf: '2026-09-01', fromVersion: 1, toVersion: 2, touchedTiers: ['high_value'] },
    window: { beforeFrom: '2026-06-04', beforeTo: '2026-09-01', afterFrom: '2026-09-02', afterTo: '2026-11-23', plannedEnd: '2026-11-30', complete: false },
    readOn: '2026-11-23',
    evidence: { code: 'before_after', text: text('与未受影响的客户做前后对比：证据弱于对照组。', 'Before/after against untouched customers: weaker evidence than a control group.') },
    comparisons: [row('repurchase_rate', '复购率', 'Repurchase rate', 0.4, 0.52, 0.3, 0.33, [0.09, -0.05, 0.23]),
      row('revenue_per_customer', '人均收入', 'Revenue per customer', 1210, 1460, 300, 310, [240, 35, 445])],
    warnings: [warning('after_incomplete', '', '2026-11-30', '变更后的观察期到 2026-11-30 才结束。', 'The after window runs until 2026-11-30.')],
  } };
}
