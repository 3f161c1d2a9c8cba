import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DASHBOARD_PATHS, dropDashboardLoads, loadOnce, startDashboardLoads, takeStarted } from './dashboardLoads';

// A server that holds every answer until the test lets them go, counting the requests in flight at once.
function heldServer() {
  const held: { url: string; answer: () => void }[] = [];
  let inFlight = 0;
  let most = 0;
  const fetch = vi.fn((url: string) => new Promise<Response>((resolve) => {
    inFlight++;
    most = Math.max(most, inFlight);
    held.push({ url, answer: () => { inFlight--; resolve(new Response(JSON.stringify({ url }), { status: 200 })); } });
  }));
  return { fetch, held, most: () => most };
}

describe('the dashboard requests', () => {
  let server: ReturnType<typeof heldServer>;
  beforeEach(() => {
    server = heldServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.stubGlobal('sessionStorage', { getItem: () => 'token' });
  });
  afterEach(() => { dropDashboardLoads(); vi.unstubAllGlobals(); });

  it('all start before any answer arrives', async () => {
    startDashboardLoads();
    // Nothing has been answered, yet all five are out: the cards do not wait for the dashboard's answer.
    expect(server.most()).toBe(5);
    expect(server.held.map((h) => h.url)).toEqual(DASHBOARD_PATHS.map((p) => '/api/v1' + p));
    expect(server.held.map((h) => h.url)).toContain('/api/v1/surveys/satisfaction?by=tier&days=90');
    server.held.forEach((h) => h.answer());
    await expect(loadOnce('/forecast')).resolves.toEqual({ url: '/api/v1/forecast' });
    expect(server.fetch).toHaveBeenCalledTimes(5); // the card took the answer already on its way
  });

  it('an answer is taken once; afterwards the card asks again', async () => {
    startDashboardLoads();
    expect(takeStarted('/kpis')).not.toBeNull();
    expect(takeStarted('/kpis')).toBeNull();
    const again = loadOnce('/kpis');
    expect(server.fetch).toHaveBeenCalledTimes(6);
    server.held.forEach((h) => h.answer());
    await expect(again).resolves.toEqual({ url: '/api/v1/kpis' });
  });

  it('an answer left untaken for ten seconds is not shown on a later visit', () => {
    startDashboardLoads(1_000);
    expect(takeStarted('/forecast', 1_000 + 9_999)).not.toBeNull();
    expect(takeStarted('/kpis', 1_000 + 10_000)).toBeNull();
  });
});
