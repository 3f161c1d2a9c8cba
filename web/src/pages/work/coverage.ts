// The team view's cadence coverage per rep, summed over the tiers that have a cadence (GET /tasks/coverage rows).

export interface CoverageRow { owner: string; tier: string; customers: number; covered: number }

export interface RepCoverage { customers: number; covered: number; share: number | null; tiers: CoverageRow[] }

/** Per owner: customers and covered over all their tiers, the share (null with no such customer) and the tiers. */
export function coverageByOwner(rows: CoverageRow[]): Map<string, RepCoverage> {
  const out = new Map<string, RepCoverage>();
  for (const r of rows) {
    const rep = out.get(r.owner) ?? { customers: 0, covered: 0, share: null, tiers: [] };
    rep.customers += r.customers;
    rep.covered += r.covered;
    rep.tiers.push(r);
    out.set(r.owner, rep);
  }
  out.forEach((rep) => { rep.share = rep.customers === 0 ? null : rep.covered / rep.customers; });
  return out;
}
