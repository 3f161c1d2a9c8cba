// Which group of the KPI table (GET /kpis) the dashboard shows, and what the viewer may pick: those who see all pick a
// dimension and a group of it; a manager the team's totals or one rep of the team; a sales user has their own group
// alone. Decided from the groups the server sent, which it scopes by role. Pure functions, tested in kpiGroups.test.ts.
import type { KpiRow } from './kpiTrend';

export interface KpiGroup { dimension: string; group: string; rows: KpiRow[] }
export interface GroupChoice { dimension: string; group: string }

/** Totals first, then the people, then the customers' attributes: the order of the pickers and of the default. */
export const DIMENSIONS = ['all', 'team', 'owner', 'region', 'industry'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Only those who see every customer get the `all` group. */
export function seesAll(groups: KpiGroup[]): boolean {
  return groups.some((g) => g.dimension === 'all');
}

export function dimensionsOf(groups: KpiGroup[]): Dimension[] {
  return DIMENSIONS.filter((d) => groups.some((g) => g.dimension === d));
}

/** The group names of a dimension, sorted as the viewer's language sorts them. */
export function groupsOf(groups: KpiGroup[], dimension: string, locale = 'zh-CN'): string[] {
  return groups.filter((g) => g.dimension === dimension).map((g) => g.group)
    .sort((a, b) => a.localeCompare(b, locale));
}

/** One list for a viewer who does not see all: the team's totals first, then each rep by name. */
export function scopedChoices(groups: KpiGroup[], locale = 'zh-CN'): GroupChoice[] {
  return dimensionsOf(groups).flatMap((dimension) => groupsOf(groups, dimension, locale).map((group) => ({ dimension, group })));
}

/**
 * The group to show: the one asked for while the table has it (a choice outlives a change of snapshot); else the
 * first group of the asked dimension; else all customers, the team's totals, the viewer's own, in that order.
 */
export function resolveChoice(groups: KpiGroup[], wanted: GroupChoice | null, locale = 'zh-CN'): GroupChoice | null {
  if (wanted && groups.some((g) => g.dimension === wanted.dimension && g.group === wanted.group)) return wanted;
  const order = wanted ? [wanted.dimension, ...DIMENSIONS] : DIMENSIONS;
  for (const dimension of order) {
    const names = groupsOf(groups, dimension, locale);
    if (names.length) return { dimension, group: names[0] };
  }
  return null;
}

export function rowsOf(groups: KpiGroup[], choice: GroupChoice | null): KpiRow[] | null {
  if (!choice) return null;
  return groups.find((g) => g.dimension === choice.dimension && g.group === choice.group)?.rows ?? null;
}

/** The trend of the chosen group; the server's default group when there is no choice (the table did not load). */
export function trendPath(choice: GroupChoice | null): string {
  if (!choice) return '/kpis/trend';
  return `/kpis/trend?dimension=${encodeURIComponent(choice.dimension)}&group=${encodeURIComponent(choice.group)}`;
}
