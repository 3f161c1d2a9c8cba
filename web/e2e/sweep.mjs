// The page sweep of e2e/run.mjs (issue 17, "Checks"): every page in zh and en at 1440 px and 390 px, each opened by
// its address as a bookmark would, and checked for console errors, failed requests (other than 401/403/422),
// sideways scrolling, untranslated text, the <html lang> of the locale, and WCAG 2 A/AA violations found by axe-core
// (minus e2e/axe-allow.json). A screenshot of each lands in OUT/pages/PAGE-LANG-WIDTH.png. All findings of one
// locale and width are reported together, and also written to OUT/pages/checks-LANG-WIDTH.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { untranslatedText } from './texts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ALLOWED = JSON.parse(readFileSync(join(here, 'axe-allow.json'), 'utf8'));
const EXPECTED_STATUS = new Set([401, 403, 422]);
const LOCALES = [{ lang: 'zh', browser: 'zh-CN', html: 'zh-CN' }, { lang: 'en', browser: 'en-US', html: 'en' }];
const WIDTHS = [{ width: 1440, height: 1000 }, { width: 390, height: 844 }];
let menuLinks = [];

/**
 * The pages of src/App.tsx with the test id that shows each is there; ids come from the API, as an admin sees it.
 * A page with `nav` is visited when the menu has it (the duplicates page arrives on another branch).
 */
async function pagesToVisit(h, page) {
  const customers = await h.apiGet(page, '/customers?size=1');
  const experiments = await h.apiGet(page, '/experiments');
  const customer = customers.body.items?.[0]?.id;
  const experiment = experiments.body?.[0]?.id;
  h.check(customer, 'no customer to open the 360° page with');
  return [
    { name: 'dashboard', path: '/', ready: 'dashboard' },
    { name: 'work', path: '/work', ready: 'my-work' },
    { name: 'pool', path: '/pool', ready: 'pool' },
    { name: 'customers', path: '/customers', ready: 'customer-row' },
    { name: 'customer-360', path: `/customers/${encodeURIComponent(customer)}`, ready: 'c360-history' },
    { name: 'model', path: '/model', ready: 'model-yaml' },
    { name: 'runs', path: '/runs', ready: 'runs' },
    { name: 'imports', path: '/imports', ready: 'import-preview' },
    { name: 'experiments', path: '/experiments', ready: 'experiments' },
    ...(experiment ? [{ name: 'experiment', path: `/experiments/${encodeURIComponent(experiment)}`, ready: 'exp-group-overall' }] : []),
    { name: 'duplicates', path: '/duplicates', ready: 'duplicates', nav: 'nav-duplicates' },
    { name: 'admin', path: '/admin', ready: 'user-row' },
    { name: 'not-found', path: '/no-such-page', ready: 'not-found' },
  ];
}

export async function sweepPages(browser, h) {
  const shots = join(h.options.out, 'pages');
  mkdirSync(shots, { recursive: true });
  for (const locale of LOCALES) {
    for (const viewport of WIDTHS) {
      await h.step(`every page in ${locale.lang} at ${viewport.width} px: console, requests, width, language, axe`, async () => {
        const findings = await sweepOne(browser, h, locale, viewport, shots);
        const file = join(shots, `checks-${locale.lang}-${viewport.width}.json`);
        writeFileSync(file, `${JSON.stringify(findings, null, 2)}\n`);
        h.check(findings.length === 0, `${findings.length} findings (also in ${file}):\n  ${findings.map(describe).join('\n  ')}`);
      });
    }
  }
}

const describe = (f) => `${f.page}: ${f.kind}: ${f.detail}`;

async function sweepOne(browser, h, locale, viewport, shots) {
  const context = await browser.newContext({ locale: locale.browser, viewport });
  // An init script, not a script tag: the real server's Content-Security-Policy (script-src 'self') blocks inline
  // scripts, and the sweep must run under the policy the users get.
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  h.setCurrentPage(page);
  const findings = [];
  let current = 'signin';
  page.on('console', (m) => { if (m.type() === 'error') findings.push({ page: current, kind: 'console error', detail: m.text() }); });
  page.on('pageerror', (e) => findings.push({ page: current, kind: 'uncaught error', detail: e.message }));
  page.on('response', (r) => {
    if (r.status() >= 400 && !EXPECTED_STATUS.has(r.status())) {
      findings.push({ page: current, kind: 'failed request', detail: `${r.status()} ${r.request().method()} ${r.url()}` });
    }
  });
  page.on('requestfailed', (r) => {
    // A request cut off by the next page load is not a failure of the page it belonged to.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') findings.push({ page: current, kind: 'failed request', detail: `${r.failure()?.errorText} ${r.url()}` });
  });

  await page.goto(`${h.options.baseUrl}/signin`);
  await page.waitForSelector(h.tid('signin-submit'));
  await checkPage(page, h, locale, viewport, shots, 'signin', findings);
  await page.fill(h.tid('signin-username'), 'admin');
  await page.fill(h.tid('signin-password'), h.options.password);
  await page.click(h.tid('signin-submit'));
  await page.waitForSelector(h.tid('current-user'));
  const meta = (await h.apiGet(page, '/meta')).body;
  // People's names are data, not UI text: the demo's admin is called 管理员 in both languages.
  const names = ((await h.apiGet(page, '/users')).body ?? []).map((u) => u.displayName);

  // A phone's menu is a drawer not drawn until opened: it has the wide window's links.
  const links = await page.$$eval('[data-testid^="nav-"]', (all) => all.map((a) => ({ id: a.getAttribute('data-testid'), path: new URL(a.href).pathname })));
  if (links.length) menuLinks = links;
  const pages = (await pagesToVisit(h, page)).filter((p) => !p.nav || menuLinks.some((l) => l.id === p.nav));
  // A page added to the menu must be added to the sweep too.
  for (const { path } of menuLinks) {
    if (!pages.some((p) => p.path === path)) findings.push({ page: 'menu', kind: 'not swept', detail: `${path} is in the menu but not in e2e/sweep.mjs` });
  }
  for (const target of pages) {
    current = target.name;
    await page.goto(`${h.options.baseUrl}${target.path}`);
    await page.waitForSelector(h.tid(target.ready), { state: 'attached' });
    await page.waitForLoadState('networkidle');
    await checkPage(page, h, locale, viewport, shots, target.name, findings, { meta, names });
  }
  await context.close();
  return findings;
}

async function checkPage(page, h, locale, viewport, shots, name, findings, data = {}) {
  await page.mouse.move(0, 0); // a hover left over from a click would change the colours axe measures
  // Colours caught mid-transition fail contrast at random (the model page's Compare button, fading from its disabled
  // grey as the versions arrive, measured #b8b8b8 on #f5f5f5): axe waits for the finite transitions to end.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'
    || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 5000 }).catch(() => {});
  const found = (kind, detail, nodes) => findings.push({ page: name, kind, detail, ...(nodes && { nodes }) });
  const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
    document.body.scrollWidth - document.body.clientWidth));
  if (overflow > 0) found('sideways scrolling', `${overflow} px wider than the ${viewport.width} px window`);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== locale.html) found('html lang', `<html lang="${htmlLang}">, expected "${locale.html}"`);
  for (const text of untranslatedText(await visibleTexts(page), locale.lang, data.meta, data.names)) found('untranslated', text);
  for (const v of await axeViolations(page)) {
    if (ALLOWED.some((a) => a.rule === v.id && (a.page === name || a.page === '*'))) continue;
    found(`axe ${v.id} (${v.impact})`, `${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''}`,
      v.nodes.slice(0, 10));
  }
  await page.screenshot({ path: join(shots, `${name}-${locale.lang}-${viewport.width}.png`), fullPage: true });
}

async function axeViolations(page) {
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary })) }))), AXE_TAGS);
}

/** The text a user sees: visible text nodes, and the placeholders and accessible names of controls. */
function visibleTexts(page) {
  return page.evaluate(() => {
    const texts = new Set();
    const shown = (el) => el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      // The model's YAML is code the user edits, not UI text.
      if (text && shown(node.parentElement) && !node.parentElement.closest('textarea, script, style')) texts.add(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      // antd's icons name themselves in English ("menu"); the button around them carries the translated name.
      if (!shown(el) || el.matches('.anticon')) continue;
      for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)?.trim()) texts.add(el.getAttribute(a).trim());
    }
    return [...texts];
  });
}
