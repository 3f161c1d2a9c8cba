// The tiers' budget lines as GET /tasks/resources returns them (over the customers the user sees), and the 360° page's
// one-line summary of a tier's lines for its owner.

export interface Resources { giftValue: number | null; discountCeiling: number | null; repHoursShare: number | null }

export interface ResourceLine extends Resources { tier: string; customers: number; giftBudget: number | null }

/** The tiers that set any line, and the gift budgets added up (null when no tier budgets gifts). */
export function budgetTable(lines: ResourceLine[]): { rows: ResourceLine[]; totalBudget: number | null; totalCustomers: number } {
  const rows = lines.filter((l) => l.giftValue !== null || l.discountCeiling !== null || l.repHoursShare !== null);
  const budgets = rows.map((r) => r.giftBudget).filter((b): b is number => b !== null);
  return {
    rows,
    // In cents, so 0.1 + 0.2 of a yuan adds up to 0.3 and not 0.30000000000000004.
    totalBudget: budgets.length ? budgets.reduce((sum, b) => sum + Math.round(b * 100), 0) / 100 : null,
    totalCustomers: rows.reduce((sum, r) => sum + r.customers, 0),
  };
}

/** One rep's open tasks in hours by tier, as GET /tasks/rep-hours returns them (core's RepHours). */
export interface TierHours { tier: string; tasks: number; hours: number; share: number | null; target: number | null }
export interface RepLine { owner: string; tasks: number; hours: number; tiers: TierHours[] }

/**
 * The tier columns of the per-rep table: the model's tiers (first in every line, in order), then a tier the model
 * dropped that some rep still has open work in, so no hours go unshown.
 */
export function repTierColumns(reps: RepLine[]): string[] {
  return [...new Set(reps.flatMap((r) => r.tiers.map((h) => h.tier)))];
}

type Fill = (key: 'resources.gift' | 'resources.discountLine' | 'resources.hoursLine', values: Record<string, string>) => string;

/** "Gifts up to ¥2,000 a year · discount up to 15% · …" for the owner; empty when the tier sets nothing. */
export function resourceSummary(r: Resources | null | undefined, t: Fill, money: (n: number) => string,
  pct: (n: number) => string): string[] {
  if (!r) return [];
  const parts: string[] = [];
  if (r.giftValue !== null) parts.push(t('resources.gift', { value: money(r.giftValue) }));
  if (r.discountCeiling !== null) parts.push(t('resources.discountLine', { share: pct(r.discountCeiling) }));
  if (r.repHoursShare !== null) parts.push(t('resources.hoursLine', { share: pct(r.repHoursShare) }));
  return parts;
}
