// The mock server's service tasks, customer pool (公海) and notifications (docs/api.md), kept apart from
// mock-server.mjs so each file stays readable. Mirrors what the demo data gives on the real server: routine
// follow-ups due today for every owner, a win-back task due in 7 days for a customer of 李娜 (no demo sales user owns
// one), and customers without owner in the pool; days can pass as on the test server (POST /admin/e2e/days-pass),
// after which overdue tasks are escalated to the managers of their owner's team.

const pad = (n) => String(n).padStart(2, '0');
/** Days the mock's clock has been moved on (POST /admin/e2e/days-pass), as the test server's clock is. */
let passed = 0;
const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + passed + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const text = (zh, en) => ({ zh, en });
const PURPOSE = {
  follow_up: text('培育回访，推荐升级产品', 'Nurturing call; suggest the next product'),
  win_back: text('7 天内挽回来电，了解流失原因', 'Win-back call within 7 days; ask why they stopped'),
  reactivate: text('唤醒优惠短信', 'Come-back offer'),
};
const TRIGGER = { follow_up: 'cadence', win_back: 'moved_down', reactivate: 'dormant' };

/** Builds the state over the main mock's customers; `owner` null puts a customer in the pool. */
export function workState(customers) {
  const tasks = [];
  const add = (c, type, channel, offset) => {
    const id = tasks.length + 1;
    const reasonText = text(`${c.tier}：${TRIGGER[type]}——${PURPOSE[type].zh}`, `${c.tier}: ${TRIGGER[type]} — ${PURPOSE[type].en}`);
    tasks.push({ id, key: `${c.id}|${TRIGGER[type]}|none`, customerId: c.id, owner: c.owner ?? '', tier: c.tier, type, channel,
      dueDate: day(offset), trigger: TRIGGER[type], reason: { tier: c.tier, trigger: TRIGGER[type], detail: '', values: [], purpose: PURPOSE[type] },
      reasonText, status: 'open', suppressedBy: null, outcome: null, note: null, createdAt: new Date().toISOString(), createdBy: 'system',
      updatedAt: null, updatedBy: null, closedAt: null, closedBy: null, customerName: c.name, phone: '13800000000', email: '' });
  };
  customers.forEach((c, i) => {
    if (i % 4 === 0) add(c, 'follow_up', i % 8 === 0 ? 'phone' : 'visit', i % 3 === 0 ? -2 : 0);
    if (i % 10 === 5) add(c, 'reactivate', 'sms', 3);
  });
  add(customers.find((c) => c.owner === '李娜' && c.tier === 'at_risk'), 'win_back', 'phone', 7);
  // Touches the planner held back, kept with why: no SMS consent, and a cap reached.
  for (const [i, stop] of [[5, 'no_consent:sms'], [15, 'cap:all/month<=2']]) {
    const held = tasks.find((t) => t.customerId === customers[i].id && t.type === 'reactivate');
    Object.assign(held, { status: 'suppressed', suppressedBy: stop });
  }
  const state = { customers, tasks, notifications: [], interactions: {}, sent: new Set() };
  remind(state, {});
  return state;
}

/** Overdue days before the owner's manager is told (the demo model's manager_after_days, the server's default). */
const MANAGER_AFTER_DAYS = 3;
const TYPE_ZH = { follow_up: '跟进', win_back: '挽回', reactivate: '唤醒' };
const TYPE_EN = { follow_up: 'Follow-up', win_back: 'Win-back', reactivate: 'Reactivation' };

/**
 * The day's notices, each written once, as the server's re-plan sends them: the owner's when a task falls due, and
 * the managers of the owner's team when it is MANAGER_AFTER_DAYS overdue; `users` are the mock's users by name.
 */
function remind(state, users) {
  const today = day(0);
  const add = (key, to, kind, t, zh, en) => {
    if (state.sent.has(`${key}|${to.username ?? to.owner}`)) return;
    state.sent.add(`${key}|${to.username ?? to.owner}`);
    state.notifications.push({ id: state.notifications.length + 1, ...to, kind, taskId: t.id, customerId: t.customerId,
      text: text(zh, en), createdAt: new Date().toISOString(), readAt: null });
  };
  for (const t of state.tasks.filter((x) => x.status === 'open' && x.dueDate <= today && x.owner)) {
    add(`task_due|${t.key}`, { owner: t.owner }, 'task_due', t, `${t.dueDate} 到期：客户 ${t.customerId} 的${TYPE_ZH[t.type]}`,
      `${TYPE_EN[t.type]} due ${t.dueDate}: customer ${t.customerId}`);
    const overdue = Math.round((Date.parse(today) - Date.parse(t.dueDate)) / 86_400_000);
    if (overdue < MANAGER_AFTER_DAYS) continue;
    const teams = Object.values(users).filter((u) => u.role === 'sales' && u.owner === t.owner && u.team).map((u) => u.team);
    for (const m of Object.values(users).filter((u) => u.role === 'manager' && teams.includes(u.team))) {
      add(`escalation|${t.key}`, { username: m.username }, 'escalation', t,
        `逾期 ${overdue} 天：客户 ${t.customerId} 的${TYPE_ZH[t.type]}（负责人 ${t.owner}，${t.dueDate} 到期）`,
        `Overdue ${overdue} days: ${TYPE_EN[t.type]} for customer ${t.customerId} (owner ${t.owner}, due ${t.dueDate})`);
    }
  }
}

/** The test server's POST /admin/e2e/days-pass: the clock moves on and the day's re-plan sends its notices. */
function daysPass(state, users, { me, body, problem }) {
  if (me.role !== 'admin') return problem(403, 'Forbidden');
  const days = Number(body.days);
  if (!Number.isInteger(days) || days < 1 || days > 30) return problem(400, 'Invalid request', [{ field: 'days', message: `1 to 30, got ${body.days}` }]);
  passed += days;
  const before = state.notifications.length;
  remind(state, users);
  return { body: { asOf: day(0), notices: state.notifications.length - before, escalated: 0, returnedToPool: 0 } };
}

/**
 * GET /tasks/team as the server counts it: per task owner and tier the open, overdue and recently done tasks of the
 * customers the user sees, and the managers' escalation notices (the mock moves no customer, so none reassigned or
 * pooled), each task once at its first notice.
 */
function teamView(state, q, sees, problem) {
  const days = Number(q.get('days') ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 366) return problem(400, 'Invalid request', [{ field: 'days', message: `must be 1 to 366, got ${q.get('days')}` }]);
  const today = day(0);
  const since = day(1 - days);
  const rows = {};
  const row = (owner, tier) => rows[`${owner}|${tier}`] ??= { owner, tier, open: 0, overdue: 0, done: 0, toManager: 0, reassigned: 0, pooled: 0 };
  for (const t of state.tasks.filter((x) => sees(x.customerId))) {
    if (t.status === 'open') { row(t.owner, t.tier).open++; if (t.dueDate < today) row(t.owner, t.tier).overdue++; }
    if (t.status === 'done' && (t.closedAt ?? '').slice(0, 10) >= since) row(t.owner, t.tier).done++;
  }
  const escalations = [];
  for (const n of state.notifications.filter((x) => x.kind === 'escalation' && x.createdAt.slice(0, 10) >= since)) {
    const t = state.tasks.find((x) => x.id === n.taskId);
    if (!t || !sees(t.customerId) || escalations.some((e) => e.taskId === t.id)) continue;
    row(t.owner, t.tier).toManager++;
    escalations.push({ taskId: t.id, customerId: t.customerId, tier: t.tier, kind: 'manager', from: t.owner, to: '',
      overdueDays: null, at: n.createdAt, visible: true });
  }
  const sorted = Object.values(rows).sort((a, b) => a.owner.localeCompare(b.owner) || a.tier.localeCompare(b.tier));
  return { body: { today, since, days, rows: sorted, escalations: escalations.reverse().slice(0, 50) } };
}

/** Answers a /tasks, /pool or /notifications call, or returns undefined for other paths. */
export function workRoute(state, { method, path, q, me, body, visible, page, problem, users }) {
  const sees = (customerId) => visible(me).some((c) => c.id === customerId);
  if (path === '/admin/e2e/days-pass' && method === 'POST') return daysPass(state, users, { me, body, problem });
  if (path === '/tasks' && method === 'GET') {
    let list = state.tasks.filter((t) => sees(t.customerId));
    if (q.get('status')) {
      if (!['open', 'done', 'skipped', 'cancelled', 'suppressed'].includes(q.get('status'))) return problem(400, `unknown status '${q.get('status')}'`);
      list = list.filter((t) => t.status === q.get('status'));
    }
    if (q.get('owner')) list = list.filter((t) => t.owner === q.get('owner'));
    if (q.get('dueBefore')) list = list.filter((t) => t.dueDate < q.get('dueBefore'));
    if (q.get('customerId')) list = list.filter((t) => t.customerId === q.get('customerId'));
    return { body: page([...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id), q) };
  }
  if (path === '/tasks/coverage' && method === 'GET') {
    // As the server: open or suppressed cadence tasks per owner and tier, covered while not overdue.
    const today = day(0);
    const rows = {};
    for (const t of state.tasks.filter((x) => sees(x.customerId) && x.trigger === 'cadence' && ['open', 'suppressed'].includes(x.status))) {
      const r = rows[`${t.owner}|${t.tier}`] ??= { owner: t.owner, tier: t.tier, customers: 0, covered: 0 };
      r.customers++;
      if (t.status === 'open' && t.dueDate >= today) r.covered++;
    }
    return { body: Object.values(rows).sort((a, b) => a.owner.localeCompare(b.owner) || a.tier.localeCompare(b.tier)) };
  }
  // [] rather than the server's one line per tier: the demo model sets no budget lines, so the page shows nothing either way.
  if (path === '/tasks/resources' && method === 'GET') return { body: [] };
  if (path === '/tasks/rep-hours' && method === 'GET') return { body: [] };
  if (path === '/tasks/team' && method === 'GET') return teamView(state, q, sees, problem);
  if (path === '/tasks/call-list' && method === 'GET') {
    if (!q.get('dueBefore')) return problem(400, 'dueBefore is required');
    const calls = state.tasks.filter((t) => sees(t.customerId) && t.status === 'open' && t.channel === 'phone'
      && t.dueDate < q.get('dueBefore') && (!q.get('owner') || t.owner === q.get('owner')));
    const ids = [...new Set(calls.map((t) => t.customerId))].sort();
    return { raw: callListCsv(state, ids, q.get('lang')), type: 'text/csv; charset=utf-8' };
  }
  if (path === '/tasks/preview' && method === 'GET') {
    const open = state.tasks.filter((t) => sees(t.customerId) && t.status === 'open');
    const count = (key) => open.reduce((m, t) => { const k = t[key]; m[k] = m[k] ?? { tasks: 0, suppressedByCaps: 0 }; m[k].tasks++; return m; }, {});
    return { body: { asOf: day(0), horizonDays: 14, total: { tasks: open.length, suppressedByCaps: 0 }, tiers: count('tier'), owners: count('owner') } };
  }
  const bulk = /^\/customers\/bulk\/(assign|task|call-list)$/.exec(path);
  if (bulk && method === 'POST') return bulkRoute(state, bulk[1], { me, body, visible, problem });
  const action = /^\/tasks\/(\d+)\/(complete|skip)$/.exec(path);
  if (action && method === 'POST') {
    const task = state.tasks.find((t) => t.id === Number(action[1]) && sees(t.customerId));
    if (!task) return problem(404, `no task ${action[1]}`);
    if (action[2] === 'complete' && !['reached', 'no_answer', 'rescheduled', 'lost'].includes(body.outcome)) {
      return problem(400, 'Invalid request', [{ field: 'outcome', message: `expected one of [reached, no_answer, rescheduled, lost], got '${body.outcome}'` }]);
    }
    if (action[2] === 'skip' && !String(body.reason ?? '').trim()) return problem(400, 'Invalid request', [{ field: 'reason', message: 'say why the task is skipped' }]);
    if (task.status !== 'open') return problem(409, `task ${task.id} is ${task.status}, not open`);
    const now = new Date().toISOString();
    Object.assign(task, action[2] === 'complete' ? { status: 'done', outcome: body.outcome, note: body.note ?? '' } : { status: 'skipped', note: body.reason },
      { closedAt: now, closedBy: me.username, updatedAt: now, updatedBy: me.username });
    if (action[2] === 'complete') {
      (state.interactions[task.customerId] ??= []).unshift({ recordId: `task-${task.id}`, time: now, type: task.channel === 'visit' ? 'visit' : 'call', channel: task.channel, outcome: body.outcome });
    }
    return { body: task };
  }
  if (path === '/pool' && method === 'GET') {
    let list = state.customers.filter((c) => !c.owner);
    if (q.get('tier')) list = list.filter((c) => c.tier === q.get('tier'));
    if (q.get('q')) list = list.filter((c) => (c.id + c.name).toLowerCase().includes(q.get('q').toLowerCase()));
    return { body: page(list.map((c) => ({ id: c.id, name: c.name, industry: c.industry, region: c.region, tier: c.tier,
      since: '2026-11-20T01:00:00Z', previousOwner: c.formerOwner ?? null, rule: c.formerOwner ? 'no_contact' : null })), q) };
  }
  const pool = /^\/pool\/([^/]+)\/(claim|assign)$/.exec(path);
  if (pool && method === 'POST') {
    const c = state.customers.find((x) => x.id === decodeURIComponent(pool[1]));
    if (!c) return problem(404, `no customer ${pool[1]}`);
    if (pool[2] === 'assign') {
      if (me.role !== 'admin') return problem(403, 'Forbidden');
      c.owner = String(body.owner ?? '').trim() || null;
    } else {
      if (!me.owner) return problem(422, 'your user has no owner name to hold customers under', null, 'no_owner_name');
      if (c.owner) return problem(409, `customer ${c.id} is not in the pool (claimed by someone else)`, null, 'already_claimed');
      c.owner = me.owner;
    }
    return { body: { customerId: c.id, owner: c.owner ?? '', tier: c.tier } };
  }
  if (path.startsWith('/notifications')) {
    const mine = state.notifications.filter((n) => (me.owner && n.owner === me.owner) || n.username === me.username);
    const shown = (n) => { const { owner, username, ...rest } = n; return rest; };
    if (path === '/notifications/unread-count') return { body: { unread: mine.filter((n) => !n.readAt).length } };
    if (path === '/notifications/read-all' && method === 'POST') {
      const unread = mine.filter((n) => !n.readAt);
      unread.forEach((n) => { n.readAt = new Date().toISOString(); });
      return { body: { marked: unread.length } };
    }
    const read = /^\/notifications\/(\d+)\/read$/.exec(path);
    if (read && method === 'POST') {
      const n = mine.find((x) => x.id === Number(read[1]));
      if (!n) return problem(404, `no notification ${read[1]}`);
      n.readAt ??= new Date().toISOString();
      return { body: shown(n) };
    }
    if (path === '/notifications') {
      const list = mine.filter((n) => q.get('unread') !== 'true' || !n.readAt).reverse();
      return { body: page(list.map(shown), q) };
    }
  }
  return undefined;
}

/** The call list CSV as the server writes it (headers in the language asked for). */
export function callListCsv(state, ids, lang) {
  const head = lang === 'en' ? 'Customer ID,Name,Phone,Email,Last contact,Next task' : '客户编号,客户名称,电话,邮箱,最近联系,下一任务';
  const line = (id) => {
    const c = state.customers.find((x) => x.id === id);
    const next = state.tasks.filter((t) => t.customerId === id && t.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    return [id, c.name, '13800000000', '', '', next ? `${next.type} ${next.dueDate}` : ''].join(',');
  };
  return '\uFEFF' + [head, ...ids.map(line)].join('\r\n') + '\r\n';
}

/** The customer list's bulk actions as the server answers them (cap 1000; a sales user only on their customers). */
function bulkRoute(state, action, { me, body, visible, problem }) {
  const mine = visible(me);
  let ids;
  if (body.ids) {
    const refused = body.ids.filter((id) => !mine.some((c) => c.id === id));
    if (refused.length) return problem(403, `${refused.length} of the ${body.ids.length} customers are not yours to act on, or do not exist: ${refused.join(', ')}; nothing was changed`, null, 'not_yours');
    ids = [...new Set(body.ids)].sort();
  } else if (body.filter) {
    let list = mine;
    for (const key of ['tier', 'lifecycle', 'abc', 'owner']) if (body.filter[key]) list = list.filter((c) => c[key] === body.filter[key]);
    if (body.filter.q) list = list.filter((c) => (c.id + c.name).toLowerCase().includes(body.filter.q.toLowerCase()));
    ids = list.map((c) => c.id).sort();
  } else return problem(400, 'give the picked customers (ids) or a filter');
  if (ids.length > 1000) return problem(422, `the selection has ${ids.length} customers; a bulk action takes at most 1000; narrow the filter`, null, 'too_many');
  if (action === 'call-list') return { raw: callListCsv(state, ids, body.lang), type: 'text/csv; charset=utf-8' };
  if (action === 'assign') {
    if (!['admin', 'manager'].includes(me.role)) return problem(403, 'assigning customers needs a manager or an admin', null, 'forbidden');
    let changed = 0;
    for (const id of ids) {
      const c = state.customers.find((x) => x.id === id);
      const to = String(body.owner ?? '').trim() || null;
      if (c.owner !== to) { c.owner = to; changed++; }
    }
    return { body: { action: 'assign', selected: ids.length, changed } };
  }
  if (me.role === 'analyst') return problem(403, 'analysts do not create tasks', null, 'forbidden');
  let created = 0;
  for (const id of ids) {
    const c = state.customers.find((x) => x.id === id);
    const key = `${id}|manual|${body.type}@${body.channel}@${body.dueDate}`;
    if (state.tasks.some((t) => t.key === key)) continue;
    state.tasks.push({ id: state.tasks.length + 1, key, customerId: id, owner: c.owner ?? '', tier: c.tier, type: body.type, channel: body.channel,
      dueDate: body.dueDate, trigger: 'manual', reason: { tier: c.tier, trigger: 'manual', detail: '', values: [{ name: 'by', value: me.username }], purpose: text(body.note ?? '', body.note ?? '') },
      reasonText: text(`${c.tier}：人工创建——${body.note ?? ''}`, `${c.tier}: Created by hand — ${body.note ?? ''}`), status: 'open', suppressedBy: null,
      outcome: null, note: null, createdAt: new Date().toISOString(), createdBy: me.username, updatedAt: null, updatedBy: null, closedAt: null,
      closedBy: null, customerName: c.name, phone: '13800000000', email: '' });
    created++;
  }
  return { body: { action: 'task', selected: ids.length, created, existing: ids.length - created } };
}
