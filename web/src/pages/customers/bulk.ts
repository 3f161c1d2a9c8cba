// The customer list's selection for bulk actions, free of React so it is unit-tested: picked rows, or the whole
// filter (every customer the filter matches, on every page), and the request body naming it.
import type { CustomerFilter } from '../../api/query';

export type Selection = { kind: 'rows'; ids: string[] } | { kind: 'filter'; filter: CustomerFilter; total: number };

export const NONE: Selection = { kind: 'rows', ids: [] };

/** How many customers the selection covers. */
export function selectedCount(s: Selection): number {
  return s.kind === 'rows' ? s.ids.length : s.total;
}

/** The body part the server reads as the selection: `ids`, or `filter` without empty values (`{}` = all). */
export function selectionBody(s: Selection): { ids: string[] } | { filter: CustomerFilter } {
  if (s.kind === 'rows') return { ids: [...new Set(s.ids)] };
  const filter = Object.fromEntries(Object.entries(s.filter).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { filter };
}

/** Whether the selection is within the server's cap; past it the actions are refused (422 too_many). */
export function withinCap(s: Selection, max: number): boolean {
  return selectedCount(s) <= max;
}

/** Rows picked on the page: picking replaces a whole-filter selection. */
export function pickRows(ids: string[]): Selection {
  return { kind: 'rows', ids };
}

/** POST /customers/bulk/task's answer; `heldOut`: customers given a task while held out of a running experiment. */
export interface TasksCreated {
  created: number; existing: number; heldOut: { customerId: string; experiment: string }[];
}

/** The warning for tasks made by hand for held-out customers: the customers (at most 5 named) of each experiment. */
export function heldOutText(heldOut: TasksCreated['heldOut'], t: (key: 'bulk.heldOut', vars: Record<string, string | number>) => string): string {
  const byExperiment = new Map<string, string[]>();
  for (const h of heldOut) byExperiment.set(h.experiment, [...(byExperiment.get(h.experiment) ?? []), h.customerId]);
  return [...byExperiment].map(([experiment, ids]) => t('bulk.heldOut', {
    experiment, n: ids.length, ids: ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : ''),
  })).join(' ');
}
