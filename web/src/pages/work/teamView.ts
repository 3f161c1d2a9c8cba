// The team view's shaping, free of React so it is unit-tested: GET /tasks/team's rows (one per rep and tier) become one
// line per rep with its tiers as child lines, each with the cadence coverage of GET /tasks/coverage beside it.
import type { CoverageRow, RepCoverage } from './coverage';

export interface TeamRow {
  owner: string; tier: string; open: number; overdue: number; done: number;
  toManager: number; reassigned: number; pooled: number;
}

export interface TeamEscalation {
  taskId: number; customerId: string; tier: string; kind: 'manager' | 'reassign' | 'pool';
  from: string; to: string | null; overdueDays: number | null; at: string; visible: boolean;
}

export interface TeamView { today: string; since: string; days: number; rows: TeamRow[]; escalations: TeamEscalation[] }

export interface Figures { open: number; overdue: number; done: number; escalated: number }

/** A tier of a rep; `key` is unique in the table, as antd's expandable rows need. */
export interface TierLine extends Figures { key: string; owner: string; tier: string; coverage: CoverageRow | null }

export interface RepLine extends Figures { key: string; owner: string; coverage: RepCoverage | null; tiers: TierLine[] }

const escalatedOf = (r: TeamRow) => r.toManager + r.reassigned + r.pooled;

/**
 * One line per rep: first the reps named (the team, in that order, so a rep with nothing yet still shows), then any
 * other owner the server counted (the pool's "" last). Each rep's figures are the sums of its tiers; a tier with
 * coverage but no task counted still shows, and tiers follow `tierOrder` (the model's), unknown ones after by id.
 */
export function teamLines(owners: string[], rows: TeamRow[], coverage: Map<string, RepCoverage>, tierOrder: string[]): RepLine[] {
  const names = [...owners];
  const extra = new Set([...rows.map((r) => r.owner), ...coverage.keys()].filter((o) => !owners.includes(o)));
  names.push(...[...extra].filter((o) => o !== '').sort(), ...(extra.has('') ? [''] : []));
  const rank = (tier: string) => { const i = tierOrder.indexOf(tier); return i < 0 ? tierOrder.length : i; };
  return names.map((owner) => {
    const byTier = new Map<string, TierLine>();
    const line = (tier: string) => byTier.get(tier) ?? byTier.set(tier, {
      key: `${owner}\n${tier}`, owner, tier, open: 0, overdue: 0, done: 0, escalated: 0, coverage: null,
    }).get(tier)!;
    for (const r of rows.filter((x) => x.owner === owner)) {
      Object.assign(line(r.tier), { open: r.open, overdue: r.overdue, done: r.done, escalated: escalatedOf(r) });
    }
    const rep = coverage.get(owner) ?? null;
    for (const c of rep?.tiers ?? []) line(c.tier).coverage = c;
    const tiers = [...byTier.values()].sort((a, b) => rank(a.tier) - rank(b.tier) || a.tier.localeCompare(b.tier));
    const sum = (f: keyof Figures) => tiers.reduce((n, t) => n + t[f], 0);
    return { key: owner, owner, coverage: rep, tiers,
      open: sum('open'), overdue: sum('overdue'), done: sum('done'), escalated: sum('escalated') };
  });
}
