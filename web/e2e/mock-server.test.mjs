// The mock server's 360° answer against the real server's shapes, read from the server's own sources: the fields of
// CustomerQueries.Detail and OverrideStore.Override, and every metric of strata.tier.Metric (the snapshot stores them
// all). A page that works on the mock then reads the same fields from the real server.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const source = (path) => readFileSync(join(repo, path), 'utf8');

/** The component names of a Java record declared as `record Name(...)` in a source file. */
function recordFields(path, name) {
  const text = source(path);
  const start = text.indexOf(`record ${name}(`) + `record ${name}(`.length;
  const end = text.indexOf(')', start);
  return text.slice(start, end).replace(/<[^<>]*>/g, '').replace(/\s+/g, ' ').split(',').map((p) => p.trim().split(' ').at(-1));
}
const metricIds = () => [...source('core/src/main/java/strata/tier/Metric.java').matchAll(/^\s+[A-Z_0-9]+\("([a-z_0-9]+)"/gm)].map((m) => m[1]);

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

let server;
let base;
let token;
const get = async (path) => (await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } })).json();

beforeAll(async () => {
  const port = await freePort();
  server = spawn(process.execPath, [join(here, 'mock-server.mjs'), '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.on('data', resolve));
  base = `http://localhost:${port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'analyst', password: 'strata-demo' }) });
  token = (await login.json()).token;
});
afterAll(() => server?.kill());

describe('the mock server\'s customer 360', () => {
  it('answers with the real server\'s fields', async () => {
    const detail = await get('/customers/C0001');
    expect(Object.keys(detail).sort()).toEqual(recordFields('server/src/main/java/strata/server/customer/CustomerQueries.java', 'Detail').sort());
    expect(Object.keys(detail.explanation).sort()).toEqual(['en', 'zh']);
    expect(Object.keys(detail.reason).sort()).toEqual(['not_checked', 'reads', 'rule', 'tier']);
    // Every metric the engine knows is in a snapshot row's metrics, churn_reasons beside them for classified buyers.
    expect(Object.keys(detail.metrics).filter((k) => k !== 'churn_reasons').sort()).toEqual(metricIds().sort());
    expect(detail.metrics.churn_reasons.length).toBeGreaterThan(0);
  });

  it('names every churn reason in GET /meta, and an override reads like the server\'s', async () => {
    const meta = await get('/meta');
    const detail = await get('/customers/C0001');
    const known = new Set(meta.churnFeatures.map((f) => f.id));
    expect(detail.metrics.churn_reasons.filter((r) => !known.has(r))).toEqual([]);

    await fetch(`${base}/customers/C0001/override`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tier: 'high_value', reason: '重点客户', expiresAt: '2027-01-01T00:00:00Z' }) });
    const overridden = await get('/customers/C0001');
    expect(Object.keys(overridden.override).sort()).toEqual(recordFields('server/src/main/java/strata/server/override/OverrideStore.java', 'Override').sort());
    // OverrideExplanationTest's wording (labels override.explanation*), the model's reason after it.
    expect(overridden.explanation.zh).toMatch(/^由 analyst 手动调整：重点客户（至 2027-01-01）；模型：/);
    expect(overridden.explanation.en).toMatch(/^overridden by analyst: 重点客户 \(until 2027-01-01\); model: /);
  });
});
