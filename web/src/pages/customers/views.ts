// Saved views and columns of the customer list, as plain data: what a view holds, which view the list is showing,
// and the column choice kept in localStorage as the default. The page and its tests share these.
import type { CustomerFilter } from '../../api/query';

/** The list's columns in table order; the server accepts the same names in a view (customer row fields). */
export const COLUMNS = ['id', 'name', 'tier', 'owner', 'lifecycle', 'segment', 'abc', 'compositeScore', 'monetary',
  'frequency', 'recencyDays', 'clv', 'pAlive', 'nextTask'] as const;
export type Column = typeof COLUMNS[number];
/** The id links to the customer: it always shows. */
export const FIXED_COLUMN: Column = 'id';
export const COLUMNS_KEY = 'strata.customers.columns';

/** What GET/POST /views carry as a view's definition (columns null: all). */
export interface ViewDefinition { filters: CustomerFilter; sort: string | null; columns: Column[] | null }

export interface SavedView {
  id: number; name: string; owner: string; shared: boolean; editable: boolean; definition: ViewDefinition;
  createdAt: string; updatedAt: string;
}

/** The definition of what the list shows now: set filters only (a trimmed search), columns in table order. */
export function definitionOf(filter: CustomerFilter, sort: string | null, columns: readonly Column[]): ViewDefinition {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    const v = key === 'q' ? value?.trim() : value;
    if (v) filters[key] = v;
  }
  return { filters, sort: sort || null, columns: ordered(columns) };
}

/** The list's URL query for a view: its filters and sort, first page. */
export function searchOf(definition: ViewDefinition): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(definition.filters ?? {})) if (value) params.set(key, value);
  if (definition.sort) params.set('sort', definition.sort);
  return params;
}

/** The view whose filters, sort and columns are exactly what the list shows, if any. */
export function activeView(views: readonly SavedView[], current: ViewDefinition): SavedView | undefined {
  const key = canonical(current);
  return views.find((v) => canonical(v.definition) === key);
}

/** The columns a view shows: all when it names none, the id always. */
export function columnsOf(definition: ViewDefinition): Column[] {
  return definition.columns ? ordered([FIXED_COLUMN, ...definition.columns]) : [...COLUMNS];
}

/** The default columns stored in the browser; all of them when none (or nothing readable) is stored. */
export function readColumns(storage: Pick<Storage, 'getItem'>): Column[] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(COLUMNS_KEY) ?? 'null');
    if (!Array.isArray(stored)) return [...COLUMNS];
    return ordered([FIXED_COLUMN, ...stored.filter((c): c is Column => (COLUMNS as readonly string[]).includes(c))]);
  } catch {
    return [...COLUMNS];
  }
}

export function writeColumns(storage: Pick<Storage, 'setItem'>, columns: readonly Column[]): void {
  storage.setItem(COLUMNS_KEY, JSON.stringify(ordered(columns)));
}

/** A dropdown option's label with its count: 高价值 (1,234). */
export function withCount(label: string, count: number | undefined, num: (n: number) => string): string {
  return `${label} (${num(count ?? 0)})`;
}

function ordered(columns: readonly Column[]): Column[] {
  return COLUMNS.filter((c) => columns.includes(c));
}

function canonical(d: ViewDefinition): string {
  const filters = Object.entries(d.filters ?? {}).filter(([, v]) => v).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([filters, d.sort ?? null, columnsOf(d)]);
}
