#!/usr/bin/env node
// A stand-in for the Strata server, for working on the UI (and rehearsing e2e/run.mjs) before or without the real
// one: serves target/dist with the SPA fallback and a small in-memory version of docs/api.md. Not a test of the
// server; the e2e script must pass against the real server with demo data.
//
//   npm run build && node e2e/mock-server.mjs [--port 8080]
import { tagsRoute, taggedWith } from './mock-tags.mjs';
import { viewsRoute } from './mock-views.mjs';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duplicatesRoute, duplicatesState } from './mock-duplicates.mjs';
import { workRoute, workState } from './mock-work.mjs';
import { beforeAfterRoute, experimentsRoute, membershipsOf } from './mock-experiments.mjs';
import { productsOf } from './mock-products.mjs';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || 8080) || 8080;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'dist');

const USERS = {
  admin: { username: 'admin', displayName: '管理员', role: 'admin', owner: null, enabled: true },
  analyst: { username: 'analyst', displayName: '分析师', role: 'analyst', owner: null, enabled: true },
  zhangwei: { username: 'zhangwei', displayName: '张伟', role: 'sales', owner: '张伟', enabled: true },
  chenjing: { username: 'chenjing', displayName: '陈静', role: 'sales', owner: '陈静', enabled: true },
};
const label = (zh, en) => ({ zh, en });
let modelVersion = 1;
let yaml = `name: Strata default
tiers:
  - id: high_value
    name: {zh: 高价值客户, en: High value}
    when: abc_class == 'A' && lifecycle_stage in ['new', 'active']

  - id: at_risk
    name: {zh: 流失风险客户, en: At risk}
    when: abc_class in ['A', 'B'] && lifecycle_stage in ['dormant', 'churned']

  - id: potential
    name: {zh: 潜力客户, en: Potential}
    when: lifecycle_stage == 'new' || (lifecycle_stage == 'active' && (f_score >= 3 || m_score >= 3))

  - id: low_value
    name: {zh: 低价值客户, en: Low value}
    when: true
`;
const TIERS = [['high_value', '高价值客户', 'High value'], ['at_risk', '流失风险客户', 'At risk'], ['potential', '潜力客户', 'Potential'], ['low_value', '低价值客户', 'Low value']]
  .map(([id, zh, en]) => ({ id, name: label(zh, en), description: null, when: 'true' }));
const STAGES = ['potential', 'new', 'active', 'dormant', 'churned'];
const OWNERS = ['张伟', '李娜', '王芳'];
// The last ten have no owner: they are the pool (公海), half of them returned there from 王芳.
const customers = Array.from({ length: 100 }, (_, i) => {
  const tier = TIERS[i % 4].id;
  return {
    id: `C${String(i + 1).padStart(4, '0')}`, // Real names are long company names (the demo's): the phone layouts must hold them.
    name: i % 10 === 9 ? `上海瑞博智能科技股份有限公司（第${i + 1}分公司）` : `客户${i + 1}`, owner: i < 90 ? OWNERS[i % 3] : null, formerOwner: i >= 95 ? '王芳' : null, region: '华东', industry: '制造业',
    tier, modelTier: tier, overridden: false, segment: 'important_value', segment11: 'champions', lifecycle: STAGES[i % 5],
    abc: 'ABC'[i % 3], quadrant: 'star', recencyDays: i * 3, frequency: 1 + (i % 9), monetary: 1000 + i * 137.5,
    compositeScore: 30 + (i % 60), clv: 500 + i * 10, pAlive: 0.5 + (i % 5) / 10, previousTier: TIERS[(i + 1) % 4].id,
  };
});
const overrides = {};
const tags = new Map();
const work = workState(customers);
const duplicates = duplicatesState(customers);
const runs = [
  { id: 1, status: 'succeeded', trigger: 'demo', asOf: '2026-09-01', modelVersion: 1, startedAt: '2026-11-23T08:00:00Z', finishedAt: '2026-11-23T08:00:05Z', startedBy: 'demo', phase: null, progress: 1, customers: 90, error: null, tierCounts: { high_value: 20, at_risk: 25, potential: 20, low_value: 25 }, current: false },
  { id: 2, status: 'succeeded', trigger: 'demo', asOf: '2026-11-01', modelVersion: 1, startedAt: '2026-11-23T08:01:00Z', finishedAt: '2026-11-23T08:01:05Z', startedBy: 'demo', phase: null, progress: 1, customers: 90, error: null, tierCounts: { high_value: 23, at_risk: 23, potential: 22, low_value: 22 }, current: true },
];
const sessions = {};
const imports = [];

/** The text fields and the one file of a multipart body (enough for the wizard's uploads). */
function multipart({ raw, boundary }) {
  const fields = {};
  let file = { name: '', text: '' };
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const fileName = /filename="([^"]*)"/.exec(head)?.[1];
    if (fileName !== undefined) file = { name: fileName, text: value };
    else if (name) fields[name] = value;
  }
  return { fields, file };
}

/** The owner names a manager sees: those of the sales users in their team (none without a team). */
const teamOwners = (me) => Object.values(USERS).filter((u) => u.role === 'sales' && me.team && u.team === me.team).map((u) => u.owner);
const visible = (me) => customers.filter((c) => (me.role === 'sales' ? c.owner === me.owner
  : me.role === 'manager' ? teamOwners(me).includes(c.owner) : true));
const effective = (c) => (overrides[c.id] ? { ...c, tier: overrides[c.id].tier, overridden: true } : c);
const page = (items, q) => {
  const p = Number(q.get('page') ?? 0), s = Number(q.get('size') ?? 50);
  return { items: items.slice(p * s, p * s + s), page: p, size: s, total: items.length };
};
const problem = (status, detail, errors, code) => ({ status, body: { type: 'about:blank', title: status === 404 ? 'Not Found' : 'Error', status, detail, ...(errors ? { errors } : {}), ...(code ? { code } : {}) }, problem: true });
const flows = (list) => {
  const counts = {};
  for (const c of list) { const k = `${c.previousTier}>${c.tier}`; counts[k] = (counts[k] ?? 0) + 1; }
  return Object.entries(counts).map(([k, count]) => { const [from, to] = k.split('>'); return { from, to, count }; });
};
function validate(text) {
  if (/abc_clas\b/.test(text)) {
    const line = text.split('\n').findIndex((l) => l.includes('abc_clas')) + 1;
    return [{ field: 'tiers[0].when', tier: 'high_value', line, message: "model: tier 'high_value': condition is not valid",
      code: 'unknown_metric', rule: 1, column: 1, args: { token: 'abc_clas', suggestion: 'abc_class' } }];
  }
  return null;
}

// The metrics the 360° page shows, as GET /meta names them (the real list comes from strata.tier.Metric).
const METRICS = Object.entries({
  recency_days: ['最近购买距今天数', 'days since last purchase', 'int'], frequency: ['订单数', 'orders', 'int'],
  monetary: ['消费金额', 'net spend', 'double'], avg_order_value: ['平均订单金额', 'average order value', 'double'],
  annual_value: ['年均消费金额', 'spend per year', 'double'], r_score: ['近度评分 (R)', 'recency score (R)', 'int'],
  f_score: ['频度评分 (F)', 'frequency score (F)', 'int'], m_score: ['金额评分 (M)', 'monetary score (M)', 'int'],
  rfm_segment: ['RFM 客户群', 'RFM segment', 'string'], rfm_segment11: ['RFM 细分客户群（11 类）', 'RFM segment (11 groups)', 'string'],
  abc_class: ['ABC 分类', 'ABC class', 'string'], lifecycle_stage: ['生命周期阶段', 'lifecycle stage', 'string'],
  value_quadrant: ['价值象限', 'value quadrant', 'string'], composite_score: ['综合价值得分', 'composite value score', 'double'],
  historical_score: ['历史价值得分', 'historical value score', 'double'], potential_score: ['潜在价值得分', 'potential value score', 'double'],
  strategic_score: ['战略价值得分', 'strategic value score', 'double'], interactions: ['互动次数', 'interactions', 'int'],
  complaints: ['投诉次数', 'complaints', 'int'], nps: ['NPS 评分', 'NPS answer', 'int'], csat: ['满意度评分 (CSAT)', 'CSAT answer', 'int'],
}).map(([id, [zh, en, type]]) => ({ id, type, name: label(zh, en), help: label(`${zh}（说明）`, `${en} (meaning)`) }));

// The churn classifier's features as GET /meta names them (strata.churn.ChurnFeatures, labels churn.feature.*).
const CHURN_FEATURES = Object.entries({
  recency_days: ['最近购买距今天数', 'days since last purchase'], frequency: ['购买天数', 'purchase days'],
  trend_90d: ['近 90 天购买较以往的变化', 'last 90 days against the earlier purchase rate'],
  recency_over_gap: ['距上次购买天数与平均间隔之比', 'days since last purchase against the usual gap'],
  complaints: ['投诉次数', 'complaints'], days_since_contact: ['最近联系距今天数', 'days since last contact'],
}).map(([id, [zh, en]]) => ({ id, name: label(zh, en) }));

/**
 * GET /customers/{id} as the server answers it (docs/api.md, CustomerQueries.Detail): the explanation in both
 * languages with the override's note in front, the reason as data, every metric of the run (churn_prob with its
 * reasons and the cluster, as a run with the classifier stores them; a few customers without, as non-buyers have
 * none), and the merge fields.
 */
function customerDetail(c) {
  const e = effective(c);
  const o = overrides[c.id];
  const stageZh = { potential: '潜在', new: '新客', active: '活跃', dormant: '沉睡', churned: '流失' }[c.lifecycle];
  const model = {
    zh: `${TIERS.find((t) => t.id === c.tier).name.zh}：ABC 分类为 ${c.abc}，生命周期阶段为${stageZh}`,
    en: `${TIERS.find((t) => t.id === c.tier).name.en}: ABC class is ${c.abc}, lifecycle stage is ${c.lifecycle}`,
  };
  const until = (lang) => (!o?.expiresAt ? '' : lang === 'zh' ? `（至 ${o.expiresAt.slice(0, 10)}）` : ` (until ${o.expiresAt.slice(0, 10)})`);
  const explanation = o ? {
    zh: `由 ${o.createdBy} 手动调整：${o.reason}${until('zh')}；模型：${model.zh}`,
    en: `overridden by ${o.createdBy}: ${o.reason}${until('en')}; model: ${model.en}`,
  } : model;
  const n = Number(c.id.slice(1));
  const classified = n % 7 !== 0; // the others' churn_prob is the BG/NBD baseline's: no reasons
  return {
    id: c.id, profile: { name: c.name, industry: c.industry, size: '中型', region: c.region, owner: c.owner, phone: '13800000000', email: null, birthday: null, created: '2024-03-05' },
    snapshot: { runId: 2, asOf: '2026-11-01' }, tier: e.tier, modelTier: c.tier,
    override: o ? { id: o.id, customerId: c.id, tier: o.tier, reason: o.reason, expiresAt: o.expiresAt ?? null, createdBy: o.createdBy, createdAt: o.createdAt,
      removedAt: null, removedBy: null, endNote: null } : null,
    explanation,
    reason: { tier: c.tier, rule: TIERS.findIndex((t) => t.id === c.tier), reads: { abc_class: c.abc, lifecycle_stage: c.lifecycle },
      not_checked: c.tier === 'low_value' ? { at_risk: 'abc_class' } : {} },
    metrics: {
      has_purchase: true, recency_days: c.recencyDays, frequency: c.frequency, purchase_days: c.frequency, monetary: c.monetary,
      avg_order_value: c.monetary / c.frequency, refund_amount: 0, tenure_days: 600, annual_value: c.monetary / 1.6, purchase_rate: 0.4,
      r_score: 5, f_score: 4, m_score: 5, rfm_segment: 'important_value', rfm_segment11: 'champions', abc_class: c.abc,
      lifecycle_stage: c.lifecycle, value_quadrant: 'star', clv: c.clv, p_alive: c.pAlive, churn_risk: 1 - c.pAlive,
      expected_purchases_90d: 1.8, downgrade_risk: 0.08, composite_score: c.compositeScore, historical_score: 70.5, potential_score: 61.2,
      strategic_score: 55, interactions: 4, complaints: n % 5 === 0 ? 1 : 0, visits: 1, days_since_contact: 35, nps: 9, csat: 5,
      industry: c.industry, size: '中型', region: c.region, owner: c.owner, churn_prob: Math.round((1 - c.pAlive) * 0.8 * 1000) / 1000,
      ...(classified ? { churn_reasons: ['recency_over_gap', 'trend_90d', 'days_since_contact'] } : {}),
      cluster: 1 + (n % 4), top_category: '家具', top_category_share: 0.62, next_product: '办公椅',
    },
    summary: { firstPurchase: '2024-03-05', lastPurchase: '2026-10-20', orders: c.frequency, purchaseDays: c.frequency, net: c.monetary, refunds: 0 },
    mergedInto: null, mergedFrom: null,
  };
}

function route(method, path, q, me, body) {
  if (path === '/me') return { body: me };
  if (path === '/me/language' && method === 'PUT') {
    if (!['zh', 'en'].includes(body.language)) return problem(400, 'language: zh or en');
    return { status: 204 }; // only mails read it, and the mock sends none
  }
  const viewed = viewsRoute({ method, path, q, me, body, rows: (who) => visible(who).map(effective), problem });
  if (viewed) return viewed;
  if (path === '/auth/logout') return { status: 204 };
  const tagged = tagsRoute({ method, path, q, body, me, visible, problem }, tags);
  if (tagged) return tagged;
  if (path === '/meta') {
    return { body: {
      tiers: TIERS, metrics: METRICS, rejectReasons: [{ id: 'bad_date', name: label('日期无效', 'date is not a valid date') }], lifecycle: STAGES.map((id) => ({ id, name: label({ potential: '潜在', new: '新客', active: '活跃', dormant: '沉睡', churned: '流失' }[id], id) })),
      segments: [{ id: 'important_value', name: label('重要价值客户', 'Important value') }], segments11: [{ id: 'champions', name: label('冠军客户', 'Champions') }],
      abc: ['A', 'B', 'C'].map((id) => ({ id, name: label(id, id) })), quadrants: [{ id: 'star', name: label('明星', 'Star') }], churnFeatures: CHURN_FEATURES,
      owners: me.role === 'sales' ? [me.owner] : me.role === 'manager' ? teamOwners(me) : OWNERS, modelVersion, currentRun: runs.find((r) => r.current),
    } };
  }
  if (path === '/dashboard') {
    const list = visible(me).map(effective);
    const byTier = TIERS.map((t) => ({ tier: t.id, customers: list.filter((c) => c.tier === t.id).length, revenue: list.filter((c) => c.tier === t.id).reduce((s, c) => s + c.monetary, 0) }));
    const rfm = []; for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) rfm.push({ r, f, customers: (r * f) % 7, monetary: r * f * 100 });
    const current = runs.filter((r) => r.status === 'succeeded');
    return { body: {
      run: runs.find((r) => r.current), kpis: { customers: list.length, buyers: list.length - 3, revenue: list.reduce((s, c) => s + c.monetary, 0), repeatRate: 0.62, atRiskRevenue: 23456.7, avgClv: 812.3 },
      tiers: byTier, lifecycle: STAGES.map((stage) => ({ stage, customers: list.filter((c) => c.lifecycle === stage).length })), rfm, segments: [],
      trend: current.map((r) => ({ runId: r.id, asOf: r.asOf, tiers: r.tierCounts })),
      migration: { from: current.at(-2).id, to: current.at(-1).id, flows: flows(list) },
    } };
  }
  if (path.startsWith('/experiments')) return experimentsRoute(path, me);
  if (path === '/before-after') return beforeAfterRoute(me);
  if (path === '/kpis' || path === '/kpis/trend') {
    const list = visible(me).map(effective);
    // The groups the server gives each role: everyone's total; a manager the team's and each rep's; a rep their own.
    const groups = me.role === 'sales' ? [['owner', me.owner, list]]
      : me.role === 'manager' ? [...(me.team ? [['team', me.team, list]] : []),
        ...teamOwners(me).map((o) => ['owner', o, list.filter((c) => c.owner === o)])]
      : [['all', '', list]];
    // Each earlier snapshot a little smaller, so the table's changes and the trend chart have something to show.
    const rowsAt = (scale, [dimension, group, members]) => {
      const row = (tier, cs) => ({ dimension, group, tier, customers: Math.round(cs.length * scale), buyers: Math.round(cs.length * scale),
        revenueCents: Math.round(cs.reduce((s, c) => s + c.monetary, 0) * 100 * scale), revenueShare: null, averageOrderValue: null,
        repurchaseRate: 0.5 * scale, retention: null, churnRate: null, movedUp: null, movedDown: null, averageClv: null, averagePAlive: null,
        nps: null, npsAnswers: 0, csat: null, csatAnswers: 0, complaintsPer100: null });
      return [...TIERS.map((t) => row(t.id, members.filter((c) => c.tier === t.id))), row(null, members)];
    };
    // An expired snapshot before the listed runs keeps its KPIs, so the current one has a previous period to compare.
    const done = [{ id: 0, asOf: '2026-07-01' }, ...runs.filter((r) => r.status === 'succeeded')];
    const scaleAt = (i) => 1 - 0.1 * (done.length - 1 - i);
    const fromAsOf = (i) => (i === 0 ? null : done[i - 1].asOf);
    if (path === '/kpis/trend') {
      // One group: the one asked for if the viewer has it, else the first (the server's default).
      const asked = groups.find(([d, g]) => d === q.get('dimension') && g === q.get('group'));
      const shown = q.get('dimension') === null ? groups[0] : asked;
      return { body: shown ? done.map((r, i) => ({ runId: r.id, asOf: r.asOf, fromAsOf: fromAsOf(i), modelChanged: false,
        rows: rowsAt(scaleAt(i), shown) })) : [] };
    }
    const run = runs.find((r) => r.current);
    const i = done.findIndex((r) => r.id === run.id);
    return { body: { runId: run.id, asOf: run.asOf, fromRun: null, fromAsOf: fromAsOf(i), modelChanged: false,
      groups: groups.map((g) => ({ dimension: g[0], group: g[1], rows: rowsAt(scaleAt(i), g) })) } };
  }
  if (path === '/surveys/satisfaction') {
    // Made-up but consistent figures per visible customer (invited 0-2, answered at most that), grouped as asked.
    const by = q.get('by') ?? 'tier';
    const days = Number(q.get('days') ?? 90);
    const keyOf = (c, i) => (by === 'tier' ? c.tier : by === 'owner' ? c.owner : ['茶叶', '咖啡', null][i % 3]);
    const facts = visible(me).map(effective).map((c, i) => ({ key: keyOf(c, i), invited: i % 3, answered: i % 3 === 2 ? 1 : 0,
      nps: i % 4 === 3 ? null : (i * 7) % 11, csat: i % 2 ? 1 + (i % 5) : null }));
    const row = (group, all, list) => {
      const invited = list.reduce((s, f) => s + f.invited, 0);
      const answered = list.reduce((s, f) => s + f.answered, 0);
      const nps = list.filter((f) => f.nps !== null);
      const csat = list.filter((f) => f.csat !== null);
      const rate = invited ? answered / invited : null;
      return { group, all, invited, answered, responseRate: rate, rateLower: rate === null ? null : Math.max(0, rate - 0.1),
        rateUpper: rate === null ? null : Math.min(1, rate + 0.1),
        nps: nps.length ? 100 * (nps.filter((f) => f.nps >= 9).length - nps.filter((f) => f.nps <= 6).length) / nps.length : null,
        npsAnswers: nps.length, csat: csat.length ? csat.reduce((s, f) => s + f.csat, 0) / csat.length : null, csatAnswers: csat.length };
    };
    const keys = [...new Set(facts.map((f) => f.key))].filter((k) => k !== null).sort();
    const rows = [row(null, true, facts), ...keys.map((k) => row(k, false, facts.filter((f) => f.key === k)))];
    if (facts.some((f) => f.key === null)) rows.push(row(null, false, facts.filter((f) => f.key === null)));
    const run = runs.find((r) => r.current);
    return { body: { by, days, from: '2026-08-04', to: '2026-11-01', runId: run.id, rows } };
  }
  if (path === '/forecast') {
    // The matrix from the customers' previous and current tiers, the forecast its expectation (intervals ± 10 %).
    const list = visible(me).map(effective);
    const order = TIERS.map((t) => t.id);
    const counts = order.map((from) => order.map((to) => list.filter((c) => c.previousTier === from && c.tier === to).length));
    const totals = counts.map((r) => r.reduce((a, b) => a + b, 0));
    const probabilities = counts.map((r, i) => r.map((n) => (totals[i] ? n / totals[i] : null)));
    const now = order.map((t) => list.filter((c) => c.tier === t).length);
    const forecast = order.map((tier, j) => {
      const expected = now.reduce((s, c, i) => s + c * (probabilities[i][j] ?? (i === j ? 1 : 0)), 0);
      const down = totals[j] ? counts[j].slice(j + 1).reduce((a, b) => a + b, 0) / totals[j] : null;
      return { tier, current: now[j], expected, low: expected * 0.9, high: expected * 1.1, downgradeRisk: down };
    });
    const run = runs.find((r) => r.current);
    return { body: { runId: run.id, asOf: run.asOf, modelVersion, unavailable: null, tiers: order,
      matrix: { pairs: 1, from: runs[0].asOf, to: run.asOf, counts, probabilities }, forecast, tiersWithoutHistory: [], modelChanges: [],
      backtest: [] } };
  }
  if (path === '/migrations') {
    const list = visible(me).map(effective);
    const order = TIERS.map((t) => t.id);
    const up = list.filter((c) => order.indexOf(c.tier) < order.indexOf(c.previousTier)).length;
    const down = list.filter((c) => order.indexOf(c.tier) > order.indexOf(c.previousTier)).length;
    return { body: { from: runs.at(-2), to: runs.at(-1), tiers: order, flows: flows(list), up, down, same: list.length - up - down, entered: 0, left: 0 } };
  }
  if (path === '/migrations/customers') {
    const list = visible(me).map(effective).filter((c) => c.previousTier === q.get('fromTier') && c.tier === q.get('toTier'))
      .map((c) => ({ id: c.id, name: c.name, owner: c.owner, fromTier: c.previousTier, toTier: c.tier }));
    return { body: page(list, q) };
  }
  if (path === '/customers' || path === '/customers/export') {
    let list = visible(me).map(effective);
    for (const key of ['tier', 'lifecycle', 'abc', 'owner']) if (q.get(key)) list = list.filter((c) => c[key] === q.get(key));
    if (q.get('q')) list = list.filter((c) => (c.id + c.name).toLowerCase().includes(q.get('q').toLowerCase()));
    if (q.get('tag')) { const ids = taggedWith(tags, q.get('tag').normalize('NFKC').trim()); list = list.filter((c) => ids.has(c.id)); }
    const sort = q.get('sort');
    if (sort) { const [f, d] = sort.split(','); list = [...list].sort((a, b) => (a[f] > b[f] ? 1 : -1) * (d === 'desc' ? -1 : 1)); }
    if (path.endsWith('export')) {
      const header = q.get('lang') === 'zh' ? '客户编号,客户名称,负责人,分级' : 'customer_id,name,owner,tier';
      const csv = `\uFEFF${header}\r\n` + list.map((c) => [c.id, c.name, c.owner, c.tier].join(',')).join('\r\n') + '\r\n';
      return { raw: csv, type: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="customers.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv` } };
    }
    return { body: page(list, q) };
  }
  const customer = /^\/customers\/([^/]+)(\/.*)?$/.exec(path);
  if (customer && customer[1] !== 'bulk') { // bulk actions: mock-work.mjs
    const c = visible(me).find((x) => x.id === decodeURIComponent(customer[1]));
    if (!c) return problem(404, 'No such customer');
    const sub = customer[2] ?? '';
    if (sub === '/override' && method === 'PUT') {
      if (!body.reason) return problem(400, 'Invalid override', [{ field: 'reason', message: 'must not be blank' }]);
      overrides[c.id] = { id: 1, ...body, createdBy: me.username, createdAt: new Date().toISOString() };
      return { status: 201, body: customerDetail(c).override };
    }
    if (sub === '/override' && method === 'DELETE') { delete overrides[c.id]; return { status: 204 }; }
    if (sub === '/history') return { body: [{ runId: 2, asOf: '2026-11-01', finishedAt: '2026-11-23T08:01:05Z', tier: c.tier, modelTier: c.tier, overridden: false }, { runId: 1, asOf: '2026-09-01', finishedAt: '2026-11-23T08:00:05Z', tier: c.previousTier, modelTier: c.previousTier, overridden: false }] };
    if (sub === '/transactions') return { body: page([{ recordId: 'T1', date: '2026-10-20', amount: 1280.5, orderId: 'O1', product: '办公椅', category: '家具', quantity: 2, channel: '线上' }], q) };
    if (sub === '/interactions') return { body: page([...(work.interactions[c.id] ?? []), { recordId: 'I1', time: '2026-10-01T02:00:00Z', type: '拜访', channel: '线下', outcome: '成交' }], q) };
    if (sub === '/experiments') return { body: membershipsOf(c) };
    if (sub === '/products') return { body: productsOf(c, me) };
    if (sub === '/service') {
      return { body: { customerId: c.id, tier: effective(c).tier, asOf: new Date().toISOString().slice(0, 10),
        budget: [{ cap: 'phone/week<=1', channel: 'phone', period: 'week', limit: 1, used: 0, left: 1 },
          { cap: 'all/month<=4', channel: null, period: 'month', limit: 4, used: 1, left: 3 }],
        nextCare: { event: 'mid_autumn', date: '2027-09-15', taskDate: '2027-09-05' }, resources: null } };
    }
    if (sub === '/surveys') return { body: page([{ recordId: 'S1', time: '2026-10-02T02:00:00Z', nps: 9, csat: 5, comment: '服务很好' }], q) };
    return { body: customerDetail(c) };
  }
  // Version 1 is the default model as the server stores it on first use (builtIn, by "system").
  const stored = (version) => (version === 1
    ? { version, createdAt: '2026-11-23T08:00:00Z', createdBy: 'system', note: 'Strata default model', builtIn: true }
    : { version, createdAt: '2026-11-23T08:00:00Z', createdBy: 'demo', note: null, builtIn: false });
  if (path === '/model' && method === 'GET') return { body: { ...stored(modelVersion), yaml, tiers: TIERS } };
  if (path === '/model/versions') return { body: Array.from({ length: modelVersion }, (_, i) => stored(modelVersion - i)) };
  const diff = /^\/model\/versions\/(\d+)\/diff\/(\d+)$/.exec(path);
  if (diff) {
    if (me.role === 'sales') return problem(403, 'Forbidden');
    const same = diff[1] === diff[2];
    return { body: { from: Number(diff[1]), to: Number(diff[2]), same, nameChanged: false, scoringChanged: false,
      tiers: TIERS.map((t, i) => ({ id: t.id, name: t.name, change: !same && i === 0 ? 'changed' : 'unchanged', positionBefore: i + 1,
        positionAfter: i + 1, conditionBefore: t.when, conditionAfter: t.when, changed: !same && i === 0 ? ['condition'] : [] })) } };
  }
  if (path === '/tasks/preview' && method === 'POST') { // the unsaved model's playbooks: a task per customer of a tier with a cadence
    if (me.role !== 'admin' && me.role !== 'analyst') return problem(403, 'your role may not do this');
    const errors = validate(body.yaml ?? '');
    if (errors) return problem(422, 'The tier model is invalid', errors);
    const served = new Set(String(body.yaml).split(/^\s*- id:\s*/m).slice(1).filter((b) => /\bcadence:/.test(b)).map((b) => b.split(/\s/)[0]));
    const planned = customers.filter((c) => served.has(c.tier));
    const count = (key) => planned.reduce((m, c) => { const k = c[key] ?? ''; m[k] = m[k] ?? { tasks: 0, suppressedByCaps: 0 }; m[k].tasks++; return m; }, {});
    return { body: { asOf: new Date().toISOString().slice(0, 10), horizonDays: 14, total: { tasks: planned.length, suppressedByCaps: 0 },
      tiers: count('tier'), owners: count('owner'), notInModel: {} } };
  }
  if (path === '/model/validate' || path === '/model/dry-run' || (path === '/model' && method === 'PUT')) {
    const errors = validate(body.yaml);
    if (errors) return problem(422, 'The tier model is invalid', errors);
    if (path === '/model/validate') return { body: { valid: true, tiers: TIERS } };
    const movers = customers.filter((c) => c.owner && c.tier !== 'high_value').slice(0, 7)
      .map((c) => ({ customerId: c.id, name: c.name, owner: c.owner, from: c.tier, to: 'high_value' }));
    if (path === '/model/dry-run') return { body: { customers: 90, counts: { high_value: 30, at_risk: 20, potential: 20, low_value: 20 }, current: runs[1].tierCounts, flows: [], moved: 7, movers } };
    if (me.role !== 'admin') return problem(403, 'Only administrators may change the model');
    yaml = body.yaml; modelVersion++;
    return { status: 201, body: { version: modelVersion, yaml, createdAt: new Date().toISOString(), createdBy: me.username, note: body.note, builtIn: false, tiers: TIERS } };
  }
  if (path === '/runs' && method === 'POST') {
    const run = { ...runs[1], id: runs.length + 1, status: 'running', trigger: 'manual', progress: 0, phase: { code: 'phase_scoring', zh: '评分', en: 'scoring' }, startedBy: me.username, current: false, startedAt: new Date().toISOString(), finishedAt: null };
    runs.push(run);
    const timer = setInterval(() => {
      run.progress = Math.min(1, run.progress + 0.25);
      if (run.progress >= 1) { clearInterval(timer); run.status = 'succeeded'; run.finishedAt = new Date().toISOString(); runs.forEach((r) => { r.current = r === run; }); }
    }, 700);
    return { status: 202, body: run };
  }
  if (path === '/runs') return { body: page([...runs].reverse(), q) };
  const run = /^\/runs\/(\d+)$/.exec(path);
  if (run) return { body: runs.find((r) => r.id === Number(run[1])) };
  if (path === '/imports/preview' || (path === '/imports' && method === 'POST')) {
    const { fields: form, file } = multipart(body);
    const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const headers = lines[0].split(',');
    const known = { 客户编号: 'customer_id', customer_id: 'customer_id', 下单日期: 'order_date', order_date: 'order_date', 金额: 'amount', amount: 'amount' };
    const columns = headers.map((header) => ({ header, field: known[header] ?? null }));
    if (path === '/imports/preview') {
      return { body: { fileName: file.name, charset: 'UTF-8', delimiter: ',', columns, missing: ['customer_id', 'order_date', 'amount'].filter((f) => !columns.some((c) => c.field === f)),
        fields: ['customer_id', 'order_date', 'amount', 'order_id', 'product', 'category', 'quantity', 'channel'], rows: lines.slice(1, 11).map((l) => l.split(',')) } };
    }
    // Rows with an impossible month are rejected, as the real intake would (bad_date).
    const rejected = lines.slice(1).filter((l) => /-(1[3-9]|[2-9]\d)-/.test(l));
    const job = { id: imports.length + 1, kind: form.kind, fileName: file.name, status: 'queued', progress: 0, createdBy: me.username, createdAt: new Date().toISOString(), finishedAt: null, error: null, quality: null, runId: null, rejectedRows: rejected };
    imports.push(job);
    setTimeout(() => Object.assign(job, { status: 'succeeded', progress: 1, finishedAt: new Date().toISOString(), quality: {
      rows: lines.length - 1, accepted: lines.length - 1 - rejected.length, rejected: rejected.length, reasons: rejected.length ? { bad_date: rejected.length } : {},
      duplicates: 0, afterAsOf: 0, inserted: lines.length - 1 - rejected.length, unchanged: 0, warnings: [] } }), 1200);
    return { status: 202, body: job };
  }
  const rejectedRowsOf = /^\/imports\/(\d+)\/rejected-rows$/.exec(path);
  if (rejectedRowsOf) {
    const job = imports.find((j) => j.id === Number(rejectedRowsOf[1]));
    if (!job) return problem(404, 'no such import');
    const limit = Math.max(1, Math.min(Number(q.get('limit') ?? 50), 200));
    return { body: { rows: job.rejectedRows.slice(0, limit).map((raw, i) => ({ line: i + 3, reason: 'bad_date', raw })), more: job.rejectedRows.length > limit } };
  }
  const rejectedOf = /^\/imports\/(\d+)\/rejected$/.exec(path);
  if (rejectedOf) {
    const job = imports.find((j) => j.id === Number(rejectedOf[1]));
    return { raw: '\uFEFFfile,line,reason,detail,raw\r\n' + job.rejectedRows.map((r, i) => `${job.fileName},${i + 3},bad_date,,"${r.replace(/"/g, '""')}"`).join('\r\n') + '\r\n', type: 'text/csv; charset=utf-8' };
  }
  const importOf = /^\/imports\/(\d+)$/.exec(path);
  if (importOf) return { body: imports.find((j) => j.id === Number(importOf[1])) };
  if (path === '/imports') return { body: page([...imports].reverse(), q) };
  if (path === '/users' && method === 'POST') {
    if (me.role !== 'admin') return problem(403, 'Forbidden');
    if (USERS[body.username]) return problem(409, `user ${body.username} exists`);
    USERS[body.username] = { username: body.username, displayName: body.displayName, role: body.role, owner: body.owner || null,
      team: body.team || null, enabled: true };
    return { status: 201, body: USERS[body.username] };
  }
  const user = /^\/users\/([^/]+)$/.exec(path);
  if (user && method === 'PATCH') {
    if (me.role !== 'admin') return problem(403, 'Forbidden');
    const u = USERS[decodeURIComponent(user[1])];
    if (!u) return problem(404, `no user ${user[1]}`);
    for (const key of ['displayName', 'role', 'owner', 'enabled']) if (body[key] !== undefined && body[key] !== null) u[key] = body[key];
    if (typeof body.team === 'string') u.team = body.team || null;
    return { body: u };
  }
  if (path === '/users') return { body: Object.values(USERS) };
  const answered = workRoute(work, { method, path, q, me, body, visible, page, problem, users: USERS })
    ?? duplicatesRoute(duplicates, { method, path, q, me, body, visible, page, problem });
  if (answered) return answered;
  if (path === '/tokens' && method === 'POST') return { status: 201, body: { id: 1, name: body.name, token: 'st_mock_0123456789' } };
  if (path === '/tokens') return { body: [] };
  if (path === '/audit') return { body: page([{ id: 1, at: '2026-11-23T08:00:00Z', username: 'admin', action: 'login', detail: null, detailCode: null, detailParams: {} },
    { id: 2, at: '2026-11-23T08:05:00Z', username: 'admin', action: 'model_update', detail: 'version 2: 调整阈值', detailCode: 'model_update', detailParams: { version: 2, note: '调整阈值' } }], q) };
  return problem(404, `no mock for ${method} ${path}`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/v1/')) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = url.pathname.slice('/api/v1'.length);
    let answer;
    if (path === '/auth/login') {
      const { username, password } = JSON.parse(raw || '{}');
      if (!USERS[username] || password !== 'strata-demo') answer = problem(401, 'Wrong user name or password');
      else { const token = `t-${username}-${Date.now()}`; sessions[token] = USERS[username]; answer = { body: { token, expiresAt: null, user: USERS[username] } }; }
    } else {
      const me = sessions[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
      let body = {};
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
      if (boundary) body = { raw, boundary };
      else try { body = raw ? JSON.parse(raw) : {}; } catch { body = {}; }
      answer = me ? route(req.method, path, url.searchParams, me, body) : problem(401, 'Sign in first');
    }
    const headers = { ...(answer.headers ?? {}), 'Content-Type': answer.type ?? (answer.problem ? 'application/problem+json' : 'application/json') };
    res.writeHead(answer.status ?? (answer.problem ? answer.body.status : 200), headers);
    res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
    return;
  }
  let file = join(dist, url.pathname);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}).listen(port, () => console.log(`mock Strata API and UI on http://localhost:${port}`));
