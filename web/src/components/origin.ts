// Where a detail page's breadcrumb leads back to: the page the user came from, with its query, so a filtered list
// comes back filtered. DetailLink passes it as router state; a page opened without it (a new tab, a shared link, a
// reload after the state was lost) leads to its own list.
import type { MessageKey } from '../i18n/messages';

export interface Origin { to: string; label: MessageKey; vars?: Record<string, string> }

const PAGES: Record<string, MessageKey> = {
  '/': 'nav.dashboard', '/customers': 'nav.customers', '/work': 'nav.work', '/pool': 'nav.pool', '/model': 'nav.model',
  '/runs': 'nav.runs', '/imports': 'nav.imports', '/experiments': 'nav.experiments', '/duplicates': 'nav.duplicates',
  '/admin': 'nav.admin',
};
const DETAILS: [RegExp, MessageKey][] = [[/^\/customers\/([^/]+)$/, 'crumb.customer'], [/^\/experiments\/([^/]+)$/, 'crumb.experiment']];

/** The router state a link to a detail page carries: the current page's path and query. */
export function fromHere(location: { pathname: string; search: string }): { from: string } {
  return { from: location.pathname + location.search };
}

/** The page to go back to: the one in the router state when it is a page of this app, else `fallback`. */
export function originOf(state: unknown, fallback: string): Origin {
  const from = state !== null && typeof state === 'object' ? (state as { from?: unknown }).from : null;
  return (typeof from === 'string' ? pageOf(from) : null) ?? pageOf(fallback) ?? { to: '/', label: 'nav.dashboard' };
}

function pageOf(to: string): Origin | null {
  if (!to.startsWith('/') || to.startsWith('//')) return null; // never off this site
  const path = to.split(/[?#]/)[0];
  if (path in PAGES) return { to, label: PAGES[path] };
  for (const [pattern, label] of DETAILS) {
    const id = pattern.exec(path)?.[1];
    if (id !== undefined) {
      try { return { to, label, vars: { id: decodeURIComponent(id) } }; } catch { return null; }
    }
  }
  return null;
}
