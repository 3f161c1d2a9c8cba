import { describe, expect, it } from 'vitest';
import { lifecycleFunnel, quadrantMatrix, rfmHeatmap, sankeyData, trendSeries } from './shape';

const names: Record<string, string> = { high_value: '高价值', at_risk: '流失风险', potential: '潜力', low_value: '低价值' };
const order = ['high_value', 'at_risk', 'potential', 'low_value'];
const sides = { from: '上期', to: '本期' };

describe('sankeyData', () => {
  it('splitsEveryTierIntoAnEarlierAndALaterNodeSoStayersAreNoCycle', () => {
    const { nodes, links } = sankeyData(
      [{ from: 'high_value', to: 'high_value', count: 200 }, { from: 'potential', to: 'high_value', count: 12 }],
      order, (id) => names[id], sides,
    );
    expect(nodes).toEqual([
      { name: '上期 高价值', tier: 'high_value', side: 'from' },
      { name: '上期 潜力', tier: 'potential', side: 'from' },
      { name: '本期 高价值', tier: 'high_value', side: 'to' },
    ]);
    expect(links).toEqual([
      { source: '上期 高价值', target: '本期 高价值', value: 200, fromTier: 'high_value', toTier: 'high_value' },
      { source: '上期 潜力', target: '本期 高价值', value: 12, fromTier: 'potential', toTier: 'high_value' },
    ]);
  });

  it('leavesOutEnteredLeftAndEmptyFlowsAndOrdersNodesByTheModel', () => {
    const { nodes, links } = sankeyData(
      [
        { from: 'low_value', to: 'at_risk', count: 3 },
        { from: null, to: 'potential', count: 5 },
        { from: 'high_value', to: null, count: 1 },
        { from: 'high_value', to: 'low_value', count: 0 },
        { from: 'high_value', to: 'at_risk', count: 4 },
      ],
      order, (id) => names[id], sides,
    );
    expect(nodes.map((n) => n.name)).toEqual(['上期 高价值', '上期 低价值', '本期 流失风险']);
    expect(links.map((l) => l.value)).toEqual([3, 4]);
  });

  it('keepsTiersTheModelNoLongerHasAfterTheKnownOnes', () => {
    const { nodes } = sankeyData([{ from: 'vip', to: 'high_value', count: 2 }], order, (id) => names[id] ?? id, sides);
    expect(nodes.map((n) => n.name)).toEqual(['上期 vip', '本期 高价值']);
  });
});

describe('rfmHeatmap', () => {
  it('fillsTheFiveByFiveGridWithFOnXAndROnY', () => {
    const { data, max } = rfmHeatmap([{ r: 5, f: 1, customers: 7, monetary: 100 }, { r: 1, f: 2, customers: 3, monetary: 10 }]);
    expect(data).toHaveLength(25);
    // r=1 row comes first: [f-1, r-1, n]
    expect(data[1]).toEqual([1, 0, 3]);
    // r=5, f=1 is row 5 (index 20), column 0
    expect(data[20]).toEqual([0, 4, 7]);
    expect(data[24]).toEqual([4, 4, 0]);
    expect(max).toBe(7);
  });

  it('keepsTheScaleAboveZeroWhenEmpty', () => {
    expect(rfmHeatmap([]).max).toBe(1);
  });
});

describe('lifecycleFunnel', () => {
  it('sortsStagesInLifecycleOrderWithUnknownsLast', () => {
    const sorted = lifecycleFunnel(
      [{ stage: 'churned', customers: 1 }, { stage: 'odd', customers: 9 }, { stage: 'new', customers: 2 }, { stage: 'active', customers: 3 }],
      ['potential', 'new', 'active', 'dormant', 'churned'],
    );
    expect(sorted.map((s) => s.stage)).toEqual(['new', 'active', 'churned', 'odd']);
  });
});

describe('trendSeries', () => {
  it('givesOneLinePerTierOldestRunFirst', () => {
    const { asOf, series } = trendSeries(
      [{ runId: 7, asOf: '2026-11-01', tiers: { high_value: 210 } }, { runId: 5, asOf: '2026-09-01', tiers: { high_value: 190, at_risk: 30 } }],
      ['high_value', 'at_risk'],
    );
    expect(asOf).toEqual(['2026-09-01', '2026-11-01']);
    expect(series).toEqual([{ tier: 'high_value', values: [190, 210] }, { tier: 'at_risk', values: [30, 0] }]);
  });
});

describe('quadrantMatrix', () => {
  it('puts value on y and potential on x, fills missing cells with zeros and keeps unknown apart', () => {
    const { cells, unknown, max } = quadrantMatrix([
      { quadrant: 'star', customers: 3, revenue: 900 },
      { quadrant: 'rising', customers: 7, revenue: 70 },
      { quadrant: 'unknown', customers: 2, revenue: 0 },
    ]);
    const at = (q: string) => cells.find((c) => c.quadrant === q);
    expect(at('star')).toEqual({ quadrant: 'star', x: 1, y: 1, customers: 3, revenue: 900 });
    expect(at('cash_cow')).toEqual({ quadrant: 'cash_cow', x: 0, y: 1, customers: 0, revenue: 0 });
    expect(at('rising')).toMatchObject({ x: 1, y: 0, customers: 7 });
    expect(at('maintain')).toMatchObject({ x: 0, y: 0, customers: 0 });
    expect(cells).toHaveLength(4);
    expect(unknown).toBe(2);
    expect(max).toBe(7);
  });

  it('has a colour scale of at least 1 when there is nobody', () => {
    expect(quadrantMatrix([]).max).toBe(1);
    expect(quadrantMatrix([]).cells.every((c) => c.customers === 0)).toBe(true);
  });
});
