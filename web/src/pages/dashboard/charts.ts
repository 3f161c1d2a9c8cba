// ECharts options of the dashboard, built from the shaped data (see charts/shape.ts for the tested parts).
import type { EChartsCoreOption } from 'echarts/core';
import type { Dashboard, Flow } from '../../api/types';
import { lifecycleFunnel, quadrantMatrix, rfmHeatmap, sankeyData, trendSeries } from '../../charts/shape';
import { tierColor } from '../../components/TierTag';

export interface Labels {
  tierName: (id: string) => string;
  stageName: (id: string) => string;
  money: (n: number) => string;
  date: (iso: string) => string;
  customers: string;
  revenue: string;
  earlier: string;
  later: string;
  quadrant: { name: (code: string) => string; cell: (customers: number, revenue: number) => string;
    value: string; potential: string; low: string; high: string };
}

/** The dashboard's tiers in model order (the server may send them in any order). */
function inModelOrder(d: Dashboard, order: string[]): Dashboard['tiers'] {
  const rank = (tier: string) => (order.indexOf(tier) < 0 ? order.length : order.indexOf(tier));
  return [...d.tiers].sort((a, b) => rank(a.tier) - rank(b.tier));
}

export function tierBarOption(d: Dashboard, order: string[], l: Labels): EChartsCoreOption {
  const tiers = inModelOrder(d, order);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: tiers.map((t) => l.tierName(t.tier)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' },
    series: [{
      type: 'bar', name: l.customers,
      data: tiers.map((t) => ({ value: t.customers, itemStyle: { color: tierColor(order, t.tier) } })),
      label: { show: true, position: 'top' },
    }],
  };
}

export function revenuePieOption(d: Dashboard, order: string[], l: Labels): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${l.money(p.value)} (${p.percent}%)` },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', name: l.revenue, radius: ['40%', '68%'], center: ['50%', '45%'],
      data: inModelOrder(d, order).map((t) => ({ name: l.tierName(t.tier), value: t.revenue, itemStyle: { color: tierColor(order, t.tier) } })),
      label: { formatter: '{d}%' },
    }],
  };
}

export function trendOption(d: Dashboard, order: string[], l: Labels): EChartsCoreOption {
  const { asOf, series } = trendSeries(d.trend, order);
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: asOf.map(l.date) },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'line', name: l.tierName(s.tier), data: s.values, itemStyle: { color: tierColor(order, s.tier) } })),
  };
}

export function sankeyOption(flows: Flow[], order: string[], l: Labels): EChartsCoreOption {
  const { nodes, links } = sankeyData(flows, order, l.tierName, { from: l.earlier, to: l.later });
  return {
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey', left: 8, right: 120, top: 8, bottom: 8, nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
      data: nodes.map((n) => ({ name: n.name, itemStyle: { color: tierColor(order, n.tier) } })),
      links, lineStyle: { color: 'gradient', opacity: 0.4 },
    }],
  };
}

/**
 * Lifecycle stages as horizontal bars in their natural order, top to bottom: a funnel chart draws widths by value,
 * so its shape zigzagged whenever a later stage held more customers than an earlier one.
 */
export function lifecycleOption(d: Dashboard, stageOrder: string[], l: Labels): EChartsCoreOption {
  const stages = lifecycleFunnel(d.lifecycle, stageOrder);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: stages.map((s) => l.stageName(s.stage)) },
    series: [{ type: 'bar', name: l.customers, data: stages.map((s) => s.customers), label: { show: true, position: 'right' } }],
  };
}

export function rfmOption(d: Dashboard, l: Labels): EChartsCoreOption {
  const { data, max } = rfmHeatmap(d.rfm);
  return {
    tooltip: { formatter: (p: { value: [number, number, number] }) => `R${p.value[1] + 1} F${p.value[0] + 1}: ${p.value[2]}` },
    grid: { left: 48, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', name: 'F', data: ['F1', 'F2', 'F3', 'F4', 'F5'], splitArea: { show: true } },
    yAxis: { type: 'category', name: 'R', data: ['R1', 'R2', 'R3', 'R4', 'R5'], splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', name: l.customers, data, label: { show: true } }],
  };
}

/** The value × potential matrix as a 2×2 heat map; each cell carries its quadrant's code for the click-through. */
export function quadrantOption(d: Dashboard, l: Labels): EChartsCoreOption {
  const { cells, max } = quadrantMatrix(d.quadrants ?? []);
  const q = l.quadrant;
  return {
    tooltip: { formatter: (p: { data: { quadrant: string; value: number[]; revenue: number } }) =>
      `${q.name(p.data.quadrant)}<br/>${q.cell(p.data.value[2], p.data.revenue)}` },
    grid: { left: 56, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', name: q.potential, nameLocation: 'middle', nameGap: 24, data: [q.low, q.high] },
    yAxis: { type: 'category', name: q.value, nameLocation: 'middle', nameGap: 36, data: [q.low, q.high] },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#f0f5ff', '#597ef7'] } },
    series: [{
      type: 'heatmap', name: l.customers, cursor: 'pointer',
      data: cells.map((c) => ({ value: [c.x, c.y, c.customers], quadrant: c.quadrant, revenue: c.revenue })),
      label: { show: true, formatter: (p: { data: { quadrant: string; value: number[]; revenue: number } }) =>
        `${q.name(p.data.quadrant)}\n${q.cell(p.data.value[2], p.data.revenue)}` },
    }],
  };
}
