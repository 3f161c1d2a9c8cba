// Paging the customer list: one page forward follows the server's cursor (`next`, sent back as `after=`), which costs
// the server what the first page does however deep the list is; any other move (a page picked, a new size or sort)
// goes by page number, as a cursor holds one sort's position only.
import type { Page } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';

export interface Position { page: number; size: number; sort: string | null }

/** The `after=` cursor for a move from `from` (whose answer had `next`) to `to`, or null to go by page number. */
export function cursorFor(from: Position, next: string | undefined, to: Position): string | null {
  const oneForward = to.page === from.page + 1 && to.size === from.size && to.sort === from.sort;
  return oneForward && next ? next : null;
}

/** The list's total as shown: "共 10,000+ 条" / "10,000+ in total" where the server stopped counting (totalExact false). */
export function totalLabel(data: Pick<Page<unknown>, 'totalExact'> | null | undefined, n: number,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string, num: (n: number) => string): string {
  return data?.totalExact === false ? t('totalAtLeast', { n: num(n) }) : t('total', { n: num(n) });
}
