// The service-work journeys of e2e/run.mjs (issue 15): a rep completes a win-back task with an outcome, a held-back
// touch says why on the 360° page, a rep claims a customer from the pool (and a second rep's late claim is refused
// with the translated already_claimed message), the notification bell, and the work and pool pages at phone width;
// escalationJourney, run last, lets days pass until an overdue task reaches the manager. Run before the scenario changes the model, so
// the demo's win-back tasks (moved high_value → at_risk between its two runs) are still open.

/** The demo's win-back tasks belong to owners who have no demo user: one is made for the owner, as an admin would. */
async function repFor(h, adminPage, owner) {
  const users = await h.apiGet(adminPage, '/users');
  h.check(users.status === 200, `GET /users answered ${users.status}`);
  const existing = users.body.find((u) => u.owner === owner && u.role === 'sales' && u.enabled !== false);
  if (existing) return existing.username;
  const username = `e2e-rep-${Date.now().toString(36)}`;
  const created = await h.apiCall(adminPage, 'POST', '/users',
    { username, displayName: owner, password: h.options.password, role: 'sales', owner });
  h.check(created.status === 201 || created.status === 200, `creating a sales user for ${owner} answered ${created.status}`);
  return username;
}

/** The first open win_back task with an owner, paging through the open tasks as the admin sees them. */
async function openWinBack(h, adminPage) {
  for (let page = 0; page < 40; page++) {
    const answer = await h.apiGet(adminPage, `/tasks?status=open&size=500&page=${page}`);
    h.check(answer.status === 200, `GET /tasks answered ${answer.status}`);
    const found = answer.body.items.find((t) => t.type === 'win_back' && t.owner);
    if (found) return found;
    // The total stops at the server's count cap (totalExact false), so a short page, not the total, ends the list.
    if (answer.body.items.length < 500) break;
  }
  throw new Error('no open win_back task with an owner: the demo data should move some high-value customers to at_risk');
}

/** The visible part only: a rep's work list can be pages long. */
const shot = (h, page, name) => page.screenshot({ path: `${h.options.out}/${name}.png` });

const noSidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

export async function workJourney(browser, h) {
  const { step, check, tid } = h;

  await step('my work shows the tasks past its first 200 on request, each once (the next page by cursor)', async () => {
    const { page, context } = await h.signIn(browser, 'admin');
    await page.click(tid('nav-work'));
    await page.waitForSelector(`${tid('work-total')}`);
    // The pages as the page itself received them: a plan written between the page's request and a second request of
    // ours would make the two disagree without either being wrong (the cursor's own order is TasksApiContract's).
    // The upcoming view's day, as the page computes it: open tasks due before today + 15 days (tasks.ts dueBefore).
    const dueBefore = await page.evaluate(() => {
      const d = new Date(); d.setDate(d.getDate() + 15);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const tasksPage = (after) => page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname.endsWith('/api/v1/tasks') && url.searchParams.get('status') === 'open'
        && url.searchParams.get('size') === '200' && url.searchParams.get('dueBefore') === dueBefore
        && url.searchParams.has('after') === after && r.request().method() === 'GET';
    });
    const upcoming = tasksPage(false);
    await page.locator(`${tid('work-range')} .ant-segmented-item`).nth(1).click();
    await page.waitForSelector(`${tid('my-work')}[data-range="upcoming"]`);
    const firstAnswer = await upcoming;
    check(firstAnswer.status() === 200, `the upcoming list answered ${firstAnswer.status()}`);
    const first = await firstAnswer.json();
    const rows = () => page.$$eval(tid('task-row'), (all) => all.map((r) => r.getAttribute('data-id')));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="task-row"]').length === n, first.items.length);
    if (!first.next) {
      check(await page.locator(tid('work-show-more')).count() === 0, 'a "show more" button with nothing more to show');
      await context.close();
      return;
    }
    const following = tasksPage(true);
    await page.click(tid('work-show-more'));
    const secondAnswer = await following;
    check(new URL(secondAnswer.url()).searchParams.get('after') === first.next, 'the next page was not asked from the first page\'s cursor');
    const second = await secondAnswer.json();
    const want = first.items.length + second.items.length;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="task-row"]').length === n, want);
    const shown = await rows();
    const expected = [...first.items, ...second.items].map((t) => String(t.id));
    check(new Set(shown).size === shown.length, 'a task is shown twice after "show more"');
    check(new Set(expected).size === expected.length, 'the second page repeats a task of the first');
    check(expected.every((id) => shown.includes(id)), 'the tasks shown are not the first two pages of the list');
    await context.close();
  });

  await step('a rep completes a win-back task with an outcome (my work → 360°)', async () => {
    const admin = await h.signIn(browser, 'admin');
    const task = await openWinBack(h, admin.page);
    const username = await repFor(h, admin.page, task.owner);
    await admin.context.close();
    const rep = await h.signIn(browser, username);
    const { page } = rep;
    const interactionsBefore = (await h.apiGet(page, `/customers/${encodeURIComponent(task.customerId)}/interactions?size=1`)).body.total;
    await page.click(tid('nav-work'));
    await page.waitForSelector(`${tid('my-work')}[data-range="today"]`);
    // A win-back is due within 7 days of the move, so it may be in the next 14 days rather than today.
    const row = `${tid('task-row')}[data-id="${task.id}"]`;
    await page.waitForSelector(`${tid('work-total')}`);
    if (await page.locator(row).count() === 0) {
      await page.locator(`${tid('work-range')} .ant-segmented-item`).nth(1).click();
      await page.waitForSelector(`${tid('my-work')}[data-range="upcoming"]`);
    }
    await page.waitForSelector(row);
    check(await page.getAttribute(row, 'data-type') === 'win_back', 'the row is not a win-back task');
    const why = await page.textContent(`${row} ${tid('task-why')}`);
    check(why.includes('at_risk'), `the task's why does not name its tier at_risk: "${why}"`);
    await shot(h, page, '01a-my-work');
    await page.click(`${row} ${tid('task-complete')}`);
    // Reached (rescheduling keeps a task open on a new day: TaskRescheduleApi covers it).
    await page.click('.ant-modal .ant-radio-button-wrapper:has([data-value="reached"])');
    const note = `e2e：已联系，客户约下周再谈 ${Date.now()}`;
    await page.fill(tid('task-note'), note);
    await page.click(tid('task-complete-submit'));
    await page.waitForSelector(row, { state: 'detached' });
    const stored = await h.apiGet(page, `/tasks?customerId=${encodeURIComponent(task.customerId)}&status=done`);
    const done = stored.body.items.find((t) => t.id === task.id);
    check(done && done.outcome === 'reached' && done.note === note, `task ${task.id} is stored as ${JSON.stringify(done)}`);
    const interactionsAfter = (await h.apiGet(page, `/customers/${encodeURIComponent(task.customerId)}/interactions?size=1`)).body.total;
    check(interactionsAfter === interactionsBefore + 1, `interactions went from ${interactionsBefore} to ${interactionsAfter}; completing logs one`);
    await page.goto(`${h.options.baseUrl}/customers/${encodeURIComponent(task.customerId)}`);
    await page.waitForSelector(`${tid('c360-tasks')}`);
    await page.locator(`${tid('c360-tasks')} .ant-tabs-tab`).nth(1).click();
    await page.waitForSelector(`${tid('c360-task')}[data-id="${task.id}"][data-status="done"][data-outcome="reached"]`);
    await h.screenshot(page, '01b-customer-tasks');
    await rep.context.close();
  });

  await step('a touch held back (a contact cap, no consent, do-not-contact) says why on the 360° page, in Chinese', async () => {
    const admin = await h.signIn(browser, 'admin');
    const { page } = admin;
    const held = (await h.apiGet(page, '/tasks?status=suppressed&size=1')).body;
    check(held.total > 0, 'no suppressed task: the demo\'s caps should hold back some of the planned touches');
    const task = held.items[0];
    await page.goto(`${h.options.baseUrl}/customers/${encodeURIComponent(task.customerId)}`);
    const stop = `${tid('c360-task')}[data-id="${task.id}"] ${tid('c360-task-stop')}`;
    await page.waitForSelector(stop);
    check(await page.getAttribute(stop, 'data-stop') === task.suppressedBy, `the 360° page shows another reason than ${task.suppressedBy}`);
    const text = (await page.textContent(stop)).trim();
    check(text.startsWith('原因') && !text.includes(task.suppressedBy.split(':')[0]),
      `the reason ${task.suppressedBy} reads "${text}", not in Chinese words`);
    await admin.context.close();
  });

  await step('a rep claims a customer from the pool; a late claim by another rep is refused, translated', async () => {
    const late = await h.signIn(browser, 'chenjing');
    const rep = await h.signIn(browser, 'zhangwei');
    for (const p of [late.page, rep.page]) {
      await p.click(tid('nav-pool'));
      await p.waitForSelector(tid('pool-row'));
    }
    const id = await rep.page.getAttribute(`${tid('pool-row')} >> nth=0`, 'data-id');
    await rep.page.click(`${tid('pool-row')}[data-id="${id}"] ${tid('pool-claim')}`);
    await rep.page.waitForSelector(`${tid('pool-claimed')}[data-id="${id}"]`);
    const owned = await h.apiGet(rep.page, `/customers/${encodeURIComponent(id)}`);
    check(owned.status === 200 && owned.body.profile.owner === h.SALES_OWNER,
      `after the claim GET /customers/${id} answered ${owned.status} with owner ${owned.body?.profile?.owner}`);
    await h.screenshot(rep.page, '01c-pool-claimed');
    h.setCurrentPage(late.page);
    await late.page.click(`${tid('pool-row')}[data-id="${id}"] ${tid('pool-claim')}`);
    const error = `${tid('pool-error')}[data-id="${id}"]`;
    await late.page.waitForSelector(error);
    const message = (await late.page.textContent(error)).trim();
    check(message === '该客户已被他人抢先认领。', `the late claim says "${message}"`);
    await late.context.close();
    h.setCurrentPage(rep.page);
    await rep.context.close();
  });

  await step('the bell counts unread notifications; read all clears it', async () => {
    const rep = await h.signIn(browser, 'zhangwei');
    const { page } = rep;
    const count = () => page.getAttribute(tid('bell-count'), 'data-count').then(Number);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="bell-count"]')?.getAttribute('data-count')) > 0);
    const unread = await count();
    const api = (await h.apiGet(page, '/notifications/unread-count')).body.unread;
    check(unread === api, `the bell shows ${unread}, the API says ${api}`);
    await page.click(tid('bell'));
    await page.waitForSelector(`${tid('notification-row')}[data-read="false"]`);
    await h.screenshot(page, '01d-notifications');
    await page.click(tid('bell-read-all'));
    await page.waitForFunction(() => document.querySelector('[data-testid="bell-count"]')?.getAttribute('data-count') === '0');
    check((await h.apiGet(page, '/notifications/unread-count')).body.unread === 0, 'unread notifications remain after read all');
    await rep.context.close();
  });

  await step('my work and the pool on a phone (390 px): no sideways scrolling', async () => {
    const phone = await h.signIn(browser, 'zhangwei', { width: 390, height: 844 });
    const { page } = phone;
    for (const [nav, ready] of [['nav-work', 'work-total'], ['nav-pool', 'pool-row']]) {
      await page.click(tid('menu-button'));
      await page.click(tid(nav));
      await page.waitForSelector(tid(ready));
      // Measured once the menu drawer has closed: while it slides out the page is briefly wider (a flaky 8 px).
      await page.waitForFunction(() => !document.querySelector('.ant-drawer-open'));
      // The mask fades out after that on a busy machine, so the width is polled for a moment before it counts.
      await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        null, { timeout: 3000 }).catch(() => {});
      const overflow = await noSidewaysScroll(page);
      check(overflow <= 0, `${nav.slice(4)} scrolls sideways by ${overflow} px at 390 px`);
    }
    await h.screenshot(page, '01e-pool-phone');
    await phone.context.close();
  });
}

const DAY_MS = 86_400_000;
const daysBetween = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const addDays = (day, days) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
const POOL_TYPES = ['pool_warning', 'pool_return'];
/** Overdue days after which every tier of the demo's model tells the manager (its manager_after_days and the server's 3). */
const MANAGER_AFTER_DAYS = 3;
const PAST_DUE = MANAGER_AFTER_DAYS + 1; // and well under the 14 days after which a customer is moved

/**
 * Run last (it moves the server's clock on): a manager is set over 张伟's team, days pass until one of 张伟's tasks is
 * PAST_DUE days overdue, and the manager signs in on that day and sees the escalation in the bell, in Chinese, and
 * the overdue count in the team view.
 */
export async function escalationJourney(browser, h) {
  const { step, check, tid } = h;
  await step('days later an overdue task is escalated: the manager sees it in the bell and the team view', async () => {
    const admin = await h.signIn(browser, 'admin');
    const team = 'e2e-east';
    const manager = 'e2e-manager';
    const made = await h.apiCall(admin.page, 'POST', '/users',
      { username: manager, displayName: '刘强', password: h.options.password, role: 'manager', owner: '', team });
    check(made.status === 201, `creating the manager answered ${made.status}: ${JSON.stringify(made.body)}`);
    const joined = await h.apiCall(admin.page, 'PATCH', '/users/zhangwei', { team });
    check(joined.status === 200, `putting zhangwei in the team answered ${joined.status}`);
    const open = await h.apiGet(admin.page, `/tasks?owner=${encodeURIComponent('张伟')}&status=open&size=500`);
    check(open.status === 200, `GET /tasks answered ${open.status}`);
    // Sorted by due date: the one due first. Pool notices are the system's, never escalated.
    const first = open.body.items.find((t) => !POOL_TYPES.includes(t.type));
    check(first, '张伟 has no open task to fall overdue');
    const today = (await h.apiGet(admin.page, '/tasks/preview')).body.asOf;
    const days = Math.max(0, daysBetween(today, first.dueDate)) + PAST_DUE;
    const passed = await h.apiCall(admin.page, 'POST', '/admin/e2e/days-pass', { days });
    check(passed.status === 200, `POST /admin/e2e/days-pass answered ${passed.status}: ${JSON.stringify(passed.body)}`);
    await admin.context.close(); // its session has run out on the new day anyway
    const { asOf } = passed.body;

    // The manager's browser lives on the server's new day (noon UTC: that day in every time zone within ±11 h).
    const boss = await h.signIn(browser, manager, undefined, new Date(`${asOf}T12:00:00Z`));
    const { page } = boss;
    // Asked now, not before: a pool rule may have taken one of 张伟's customers on the way.
    const late = (await h.apiGet(page, `/tasks?owner=${encodeURIComponent('张伟')}&status=open&size=500`
      + `&dueBefore=${addDays(asOf, 1 - MANAGER_AFTER_DAYS)}`)).body.items.filter((t) => !POOL_TYPES.includes(t.type));
    check(late.length > 0, `none of 张伟's tasks is ${MANAGER_AFTER_DAYS} days overdue on ${asOf}`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="bell-count"]')?.getAttribute('data-count')) > 0);
    await page.click(tid('bell'));
    // The newest escalation leads the list (a rep with many late tasks gives the manager more than one page of them).
    const row = page.locator(`${tid('notification-row')}[data-kind="escalation"]`).first();
    await row.waitFor();
    const taskId = Number(await row.getAttribute('data-task'));
    const task = late.find((t) => t.id === taskId);
    check(task, `the escalation names task ${taskId}, not one of 张伟's ${late.length} tasks ${MANAGER_AFTER_DAYS} or more days overdue`);
    const overdue = daysBetween(task.dueDate, asOf);
    // As the server's bundle words it (remind.escalation): "逾期 {days} 天：客户 {id} 的{type}（负责人 {owner}，{due} 到期）".
    const text = (await row.textContent()).trim();
    check(text.includes('逾期升级'), `the escalation is not tagged 逾期升级: "${text}"`);
    check(text.includes(`逾期 ${overdue} 天：客户 ${task.customerId} 的`) && text.includes(`（负责人 张伟，${task.dueDate} 到期）`),
      `the escalation of task ${task.id} reads "${text}"`);
    await h.screenshot(page, '01f-escalation-bell');
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('bell-drawer'), { state: 'hidden' });

    await page.click(tid('nav-work'));
    await page.click(`${tid('team-summary')} .ant-collapse-header`);
    const rep = `${tid('team-row')}[data-owner="张伟"]`;
    await page.waitForSelector(rep);
    const shown = Number(await page.getAttribute(rep, 'data-overdue'));
    const counted = (await h.apiGet(page, `/tasks?owner=${encodeURIComponent('张伟')}&status=open&dueBefore=${asOf}&size=1`)).body.total;
    check(shown > 0 && shown === counted, `the team view shows ${shown} overdue tasks of 张伟, the API counts ${counted}`);
    // The manager was told of 张伟's late tasks, so the team view counts escalations for him and lists them.
    const escalated = Number(await page.getAttribute(rep, 'data-escalated'));
    check(escalated > 0, `the team view shows no escalation of 张伟 after the manager was told of task ${taskId}`);
    const listed = await page.locator(`${tid('team-escalation')}[data-kind="manager"]`).count();
    check(listed > 0, 'the team view lists no escalation to the manager');
    await h.screenshot(page, '01g-escalation-team');
    await boss.context.close();
  });
}
