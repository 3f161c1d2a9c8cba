// Turning the server's aggregates into the data ECharts wants. Pure functions, so they are unit-tested.
import type { Flow, QuadrantRow, RfmCell } from '../api/types';

export interface SankeyNode { name: string; tier: string; side: 'from' | 'to' }
export interface SankeyLink { source: string; target: string; value: number; fromTier: string; toTier: string }

/**
 * Nodes and links for the migration Sankey. ECharts refuses cycles, and a customer who stays in a tier would be a
 * self-loop, so every tier is two nodes: one on the earlier side ("上期 高价值客户") and one on the later side.
 * Flows of customers who entered or left (a null side) and empty flows are left out; nodes follow the model order.
 */
export function sankeyData(
  flows: Flow[], tierOrder: string[], tierName: (id: string) => string, sides: { from: string; to: string },
): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const kept = flows.filter((f): f is Flow & { from: string; to: string } => f.from !== null && f.to !== null && f.count > 0);
  const nodeName = (side: 'from' | 'to', tier: string) => `${sides[side]} ${tierName(tier)}`;
  const nodes: SankeyNode[] = [];
  for (const side of ['from', 'to'] as const) {
    const used = new Set(kept.map((f) => f[side]));
    const ordered = [...tierOrder.filter((t) => used.has(t)), ...[...used].filter((t) => !tierOrder.includes(t))];
    for (const tier of ordered) nodes.push({ name: nodeName(side, tier), tier, side });
  }
  const links = kept.map((f) => ({
    source: nodeName('from', f.from), target: nodeName('to', f.to), value: f.count, fromTier: f.from, toTier: f.to,
  }));
  return { nodes, links };
}

/**
 * The R×F heat map: x is F 1..5, y is R 1..5, each cell [fIndex, rIndex, customers]. Cells the server left out
 * (no customers) are zeros so the grid is always complete; `max` is at least 1 for the colour scale.
 */
export function rfmHeatmap(cells: RfmCell[]): { data: [number, number, number][]; max: number } {
  const counts = new Map(cells.map((c) => [`${c.r}:${c.f}`, c.customers]));
  const data: [number, number, number][] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) data.push([f - 1, r - 1, counts.get(`${r}:${f}`) ?? 0]);
  }
  const max = Math.max(1, ...data.map((d) => d[2]));
  return { data, max };
}

/** Lifecycle funnel in the stages' natural order, whatever order the server sent. */
export function lifecycleFunnel(stages: { stage: string; customers: number }[], order: string[]): { stage: string; customers: number }[] {
  const rank = (s: string) => (order.indexOf(s) < 0 ? order.length : order.indexOf(s));
  return [...stages].sort((a, b) => rank(a.stage) - rank(b.stage));
}

/** One line per tier across snapshots, oldest first; a tier missing from a snapshot counts 0 there. */
export function trendSeries(
  trend: { runId: number; asOf: string; tiers: Record<string, number> }[], tierOrder: string[],
): { asOf: string[]; series: { tier: string; values: number[] }[] } {
  const runs = [...trend].sort((a, b) => a.runId - b.runId);
  return {
    asOf: runs.map((r) => r.asOf),
    series: tierOrder.map((tier) => ({ tier, values: runs.map((r) => r.tiers[tier] ?? 0) })),
  };
}

/** Where each quadrant sits in the matrix: x is potential (0 low, 1 high), y is value (0 low, 1 high). */
const QUADRANT_AT: Record<string, [number, number]> = { cash_cow: [0, 1], star: [1, 1], maintain: [0, 0], rising: [1, 0] };

export interface QuadrantCell { quadrant: string; x: number; y: number; customers: number; revenue: number }

/**
 * The value × potential matrix: always its four cells (zeros for those the server left out), and apart from them the
 * customers whose quadrant is unknown, which have no cell. `max` is at least 1 for the colour scale.
 */
export function quadrantMatrix(rows: QuadrantRow[]): { cells: QuadrantCell[]; unknown: number; max: number } {
  const byCode = new Map(rows.map((r) => [r.quadrant, r]));
  const cells = Object.entries(QUADRANT_AT).map(([quadrant, [x, y]]) => ({
    quadrant, x, y, customers: byCode.get(quadrant)?.customers ?? 0, revenue: byCode.get(quadrant)?.revenue ?? 0,
  }));
  const unknown = rows.filter((r) => !(r.quadrant in QUADRANT_AT)).reduce((n, r) => n + r.customers, 0);
  return { cells, unknown, max: Math.max(1, ...cells.map((c) => c.customers)) };
}
