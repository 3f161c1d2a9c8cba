// The column mapping of the import wizard: which file column feeds which Strata field.

export type ImportKind = 'transactions' | 'customers' | 'interactions' | 'surveys';

// Required columns per kind, as the README's input table lists them; the server checks again.
export const REQUIRED: Record<ImportKind, string[]> = {
  transactions: ['customer_id', 'order_date', 'amount'],
  customers: ['customer_id'],
  interactions: ['customer_id', 'time'],
  surveys: ['customer_id', 'time'],
};

export interface MappedColumn { header: string; field: string | null }

/** Maps `header` to `field`, taking the field away from any other column (a field reads one column). */
export function assign(columns: MappedColumn[], header: string, field: string | null): MappedColumn[] {
  return columns.map((c) => {
    if (c.header === header) return { ...c, field };
    return field && c.field === field ? { ...c, field: null } : c;
  });
}

/** The `mapping` form field of POST /imports: `{"amount":"实收款"}` for every mapped column. */
export function mappingOf(columns: MappedColumn[]): Record<string, string> {
  return Object.fromEntries(columns.filter((c) => c.field).map((c) => [c.field!, c.header]));
}

/** Required fields of the kind that no column maps to, in the kind's order. */
export function missingRequired(kind: ImportKind, columns: MappedColumn[]): string[] {
  const mapped = new Set(columns.map((c) => c.field));
  return REQUIRED[kind].filter((f) => !mapped.has(f));
}
