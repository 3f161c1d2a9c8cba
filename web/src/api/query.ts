// Query strings for list endpoints: filters, paging and sort as docs/api.md names them.

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` with empty values left out (an empty filter means "any"), or '' when nothing is left. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export interface CustomerFilter {
  tier?: string; segment?: string; segment11?: string; lifecycle?: string; abc?: string; quadrant?: string; owner?: string;
  q?: string; tag?: string;
}

/** antd's table sorter order, mapped to the server's `sort=field,asc|desc`. */
export interface Sort { field: string; order: 'ascend' | 'descend' }

export function sortParam(sort: Sort | null | undefined): string | undefined {
  if (!sort) return undefined;
  return `${sort.field},${sort.order === 'descend' ? 'desc' : 'asc'}`;
}

/** The query for GET /customers: filters (trimmed search), 0-based page, size, sort and the cursor it starts after. */
export function customerQuery(filter: CustomerFilter, page: number, size: number, sort?: Sort | null, after?: string | null): string {
  return buildQuery({ ...trimmed(filter), page, size, sort: sortParam(sort), after });
}

/** The query for GET /customers/facets: the list's filters, each facet counted without its own. */
export function facetQuery(filter: CustomerFilter): string {
  return buildQuery({ ...trimmed(filter) });
}

/** The query for the export: the same filters and sort, no paging (the export holds the whole filtered list). */
/** The export is for the person downloading it: headers and codes in their language (the codes kept as extra columns). */
export function exportQuery(filter: CustomerFilter, format: 'csv' | 'xlsx', sort?: Sort | null, lang?: 'zh' | 'en'): string {
  return buildQuery({ format, ...trimmed(filter), sort: sortParam(sort), lang });
}

function trimmed(filter: CustomerFilter): CustomerFilter {
  return { ...filter, q: filter.q?.trim() };
}
