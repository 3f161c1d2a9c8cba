// Every page is its own chunk, fetched when its route first renders; the entry holds only sign-in and the frame.
// Waiting for the render would put the page's fetch after the session check, so it starts earlier: at start-up for
// the page in the address bar, and on the sign-in page for the page that follows sign-in, while the user types.
import { lazy, type ComponentType } from 'react';
import { matchPath } from 'react-router';

/** A page's chunk that did not arrive: most often a new version was deployed and the old chunk is gone. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(`page chunk failed to load: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ChunkLoadError';
  }
}

type Loader = () => Promise<{ default: ComponentType }>;

/**
 * One fetch per page, shared by the preload and the render; a failure stays failed (the browser would not refetch).
 * `alsoPreload` fetches what the page itself loads lazily on its first render (ECharts), so that waits no longer.
 */
export function pageChunk(load: Loader, alsoPreload?: () => Promise<unknown>) {
  let pending: Promise<{ default: ComponentType }> | undefined;
  const get = () => (pending ??= load().catch((error: unknown) => { throw new ChunkLoadError(error); }));
  const preload = () => {
    get().catch(() => undefined); // the render reports the failure
    alsoPreload?.().catch(() => undefined);
  };
  return { preload, load: get, Page: lazy(get) };
}

export const pages = {
  dashboard: pageChunk(() => import('./pages/dashboard/Dashboard'), () => import('./charts/echarts')),
  customers: pageChunk(() => import('./pages/customers/Customers')),
  work: pageChunk(() => import('./pages/work/MyWork')),
  pool: pageChunk(() => import('./pages/pool/Pool')),
  customer: pageChunk(() => import('./pages/customer/Customer360')),
  model: pageChunk(() => import('./pages/model/TierModel')),
  runs: pageChunk(() => import('./pages/runs/Runs')),
  imports: pageChunk(() => import('./pages/imports/Imports')),
  admin: pageChunk(() => import('./pages/admin/Admin')),
  experiments: pageChunk(() => import('./pages/experiments/Experiments')),
  experiment: pageChunk(() => import('./pages/experiments/ExperimentDetail')),
  duplicates: pageChunk(() => import('./pages/duplicates/Duplicates')),
};

export type PageName = keyof typeof pages;

/** The routes of the signed-in frame, in App's order; App builds its <Route>s from this list. */
export const ROUTES: readonly (readonly [string, PageName])[] = [
  ['/', 'dashboard'], ['/work', 'work'], ['/pool', 'pool'], ['/customers', 'customers'], ['/customers/:id', 'customer'],
  ['/model', 'model'], ['/runs', 'runs'], ['/imports', 'imports'], ['/experiments', 'experiments'],
  ['/experiments/:id', 'experiment'], ['/duplicates', 'duplicates'], ['/admin', 'admin'],
];

/** The page a path shows, or undefined (sign-in, a path no route knows). */
export function pageAt(path: string): PageName | undefined {
  const pathname = path.split(/[?#]/)[0];
  return ROUTES.find(([pattern]) => matchPath(pattern, pathname))?.[1];
}

export function preloadPageAt(path: string) {
  const name = pageAt(path);
  if (name) pages[name].preload();
}
