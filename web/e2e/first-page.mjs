#!/usr/bin/env node
// How long the first page after sign-in (the dashboard) takes to be ready, for one or more builds of the web UI side
// by side (bench/README.md, "Web bundle by route"). Each build is served by a small server of its own here, gzip on
// or off, with the API passed on to a running Strata server (the demo), so builds alternate within one session.
// Every load is in a fresh browser context (cold cache), in Debian's headless Chromium.
//
//   node web/e2e/first-page.mjs --api http://localhost:8080 --build before=/tmp/dist-old:plain \
//     --build after=web/target/dist:gzip [--runs 5] [--fast3g] [--user analyst]
import { chromium } from 'playwright-core';
import { createServer, request } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const HELP = `Usage: node web/e2e/first-page.mjs --api URL --build NAME=DIST[:gzip|:plain] [--build ...] [--runs N] [--fast3g]
  [--user NAME] [--password PW] [--chromium PATH]

  --api URL      a running Strata server with the demo data (its /api is passed on)
  --build        a built web UI (vite's outDir) and whether its files are sent gzipped (as Tomcat's compression does
                 for the types it lists) or plain
  --runs N       loads per build and scenario, alternating builds (default 5)
  --fast3g       throttle the network as Chrome's "Fast 3G" preset does (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s
                 up) through CDP Network.emulateNetworkConditions
  --user NAME    the demo user (default analyst; password strata-demo)

Prints, per build, the median and each run of: the sign-in page's form shown after navigation; from the click on
"sign in" to the dashboard ready; a cold open of / in a tab that holds a session, to the dashboard ready; and the
bytes of script transferred. Ready: the dashboard shows, its charts have drawn (a canvas), and no spinner is left.`;

const opts = { runs: 5, user: 'analyst', password: 'strata-demo', chromium: '/usr/bin/chromium', builds: [] };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i], value = () => process.argv[++i];
  if (arg === '--api') opts.api = value().replace(/\/+$/, '');
  else if (arg === '--build') {
    const m = /^([^=]+)=(.+?)(?::(gzip|plain))?$/.exec(value() ?? '');
    if (!m) usage('--build needs NAME=DIST[:gzip|:plain]');
    opts.builds.push({ name: m[1], dist: resolve(m[2]), gzip: m[3] === 'gzip' });
  } else if (arg === '--runs') opts.runs = Number(value());
  else if (arg === '--fast3g') opts.fast3g = true;
  else if (arg === '--user') opts.user = value();
  else if (arg === '--password') opts.password = value();
  else if (arg === '--chromium') opts.chromium = value();
  else if (arg === '--help') { console.log(HELP); process.exit(0); }
  else usage(`unknown option ${arg}`);
}
if (!opts.api || opts.builds.length === 0) usage('--api and at least one --build are required');
if (!(opts.runs >= 1)) usage('--runs must be a positive number');
for (const b of opts.builds) if (!existsSync(join(b.dist, 'index.html'))) usage(`${b.dist} has no index.html (build it first)`);

function usage(message) {
  console.error(`first-page: ${message}\n\n${HELP}`);
  process.exit(2);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves one build as the Strata server does (index.html for routes, no-store as Spring Security sets it). */
function serve({ dist, gzip }) {
  const api = new URL(opts.api);
  const server = createServer((req, res) => {
    if (req.url.startsWith('/api/')) {
      const out = request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } },
        (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
      out.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
      req.pipe(out);
      return;
    }
    let file = join(dist, new URL(req.url, 'http://x').pathname);
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
    let body = readFileSync(file);
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate' };
    // Tomcat compresses bodies of 2 KB and more of the listed types when the client accepts gzip.
    if (gzip && body.length >= 2048 && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

const READY = () => {
  const dash = document.querySelector('[data-testid="dashboard"]');
  return !!dash && dash.querySelector('canvas') !== null && document.querySelector('main .ant-spin-spinning, main .ant-skeleton-active') === null;
};

async function context(browser) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  if (opts.fast3g) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 });
  }
  let scriptBytes = 0;
  page.on('requestfinished', async (r) => {
    if (r.resourceType() !== 'script') return;
    const sizes = await r.sizes().catch(() => null);
    if (sizes) scriptBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  return { ctx, page, scriptBytes: () => scriptBytes };
}

async function signInRun(browser, url) {
  const { ctx, page, scriptBytes } = await context(browser);
  try {
    const start = Date.now();
    await page.goto(`${url}/signin`);
    await page.waitForSelector('[data-testid="signin-username"]', { timeout: 120_000 });
    const form = Date.now() - start;
    await page.fill('[data-testid="signin-username"]', opts.user);
    await page.fill('[data-testid="signin-password"]', opts.password);
    const click = Date.now();
    await page.click('[data-testid="signin-submit"]');
    await page.waitForFunction(READY, null, { timeout: 120_000, polling: 20 });
    return { form, afterSignIn: Date.now() - click, bytes: scriptBytes() };
  } finally { await ctx.close(); }
}

async function openRun(browser, url, token) {
  const { ctx, page, scriptBytes } = await context(browser);
  try {
    await page.addInitScript((t) => sessionStorage.setItem('strata.token', t), token);
    const start = Date.now();
    await page.goto(`${url}/`);
    await page.waitForFunction(READY, null, { timeout: 120_000, polling: 20 });
    return { open: Date.now() - start, bytes: scriptBytes() };
  } finally { await ctx.close(); }
}

async function token() {
  const answer = await fetch(`${opts.api}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: opts.user, password: opts.password }) });
  if (!answer.ok) throw new Error(`sign-in as ${opts.user} failed: ${answer.status}`);
  return (await answer.json()).token;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const browser = await chromium.launch({ executablePath: opts.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const served = [];
try {
  for (const b of opts.builds) served.push({ ...b, ...(await serve(b)), signIn: [], open: [] });
  const session = await token();
  for (let run = 0; run < opts.runs; run++) {
    for (const b of run % 2 ? [...served].reverse() : served) { // alternate which build goes first
      b.signIn.push(await signInRun(browser, b.url));
      b.open.push(await openRun(browser, b.url, session));
    }
  }
  console.log(`first page after sign-in (${opts.user}, ${opts.fast3g ? 'Fast 3G' : 'loopback'}, ${opts.runs} runs each; ms, median [runs])`);
  for (const b of served) {
    const col = (xs, k) => `${median(xs.map((x) => x[k]))} [${xs.map((x) => x[k]).join(' ')}]`;
    console.log(`${b.name} (${b.gzip ? 'gzip' : 'plain'}): sign-in form ${col(b.signIn, 'form')}; click to dashboard ${col(b.signIn, 'afterSignIn')}; `
      + `open / signed in ${col(b.open, 'open')}; script bytes ${(median(b.signIn.map((x) => x.bytes)) / 1024).toFixed(0)} KiB (sign-in path), `
      + `${(median(b.open.map((x) => x.bytes)) / 1024).toFixed(0)} KiB (open /)`);
  }
} finally {
  await browser.close();
  for (const s of served) s.server.close();
}
