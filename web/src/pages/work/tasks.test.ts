import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types';
import { addDays, countText, dueBefore, groupByType, isOverdue, localDay, stopText } from './tasks';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import { formatDate } from '../../i18n/format';

const task = (id: number, type: string, dueDate: string): Task => ({
  id, key: `C${id}|x|none`, customerId: `C${id}`, owner: '张伟', tier: 'at_risk', type, channel: 'phone', dueDate,
  trigger: 'cadence', reason: null, reasonText: { zh: '', en: '' }, status: 'open', suppressedBy: null, outcome: null,
  note: null, createdAt: '2026-12-01T00:00:00Z', closedAt: null, closedBy: null, customerName: null, phone: null, email: null,
});

describe('counts', () => {
  it('marksATotalTheServerStoppedCountingAt', () => {
    const num = (n: number) => n.toLocaleString('en');
    expect(countText({ total: 10000, totalExact: false }, num)).toBe('10,000+');
    expect(countText({ total: 9999, totalExact: true }, num)).toBe('9,999');
    // Older servers sent no totalExact: their totals were exact.
    expect(countText({ total: 12 }, num)).toBe('12');
  });
});

describe('days', () => {
  it('takesTheDayOnTheBrowsersClock', () => {
    // 23:30 on 4 December local time is still the 4th, whatever UTC says.
    expect(localDay(new Date(2026, 11, 4, 23, 30))).toBe('2026-12-04');
    expect(localDay(new Date(2027, 0, 1, 0, 5))).toBe('2027-01-01');
  });

  it('addsCalendarDaysAcrossMonthsYearsAndLeapDays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('coversTodayOrTheNextFourteenDays', () => {
    // dueBefore is exclusive: "today" ends before tomorrow; the planner's horizon is today plus 14 days.
    expect(dueBefore('today', '2026-12-04')).toBe('2026-12-05');
    expect(dueBefore('upcoming', '2026-12-04')).toBe('2026-12-19');
  });

  it('callsOnlyEarlierDaysOverdue', () => {
    expect(isOverdue({ dueDate: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ dueDate: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ dueDate: '2026-12-11' }, '2026-12-04')).toBe(false);
  });
});

describe('groupByType', () => {
  it('putsUrgentKindsFirstAndTheOldestTaskFirstWithinAKind', () => {
    const groups = groupByType([
      task(1, 'follow_up', '2026-12-04'), task(2, 'win_back', '2026-12-11'), task(3, 'follow_up', '2026-12-01'),
      task(4, 'zz_custom', '2026-12-01'), task(5, 'recovery', '2026-12-05'), task(6, 'aa_custom', '2026-12-01'),
      task(7, 'follow_up', '2026-12-01'),
    ]);
    expect(groups.map((g) => g.type)).toEqual(['recovery', 'win_back', 'follow_up', 'aa_custom', 'zz_custom']);
    expect(groups[2].tasks.map((t) => t.id)).toEqual([3, 7, 1]);
  });

  it('givesNoGroupsForNoTasks', () => {
    expect(groupByType([])).toEqual([]);
  });
});

describe('why a task is held back', () => {
  const i18n = (lang: 'zh' | 'en') => ({
    t: (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars),
    date: (d: string | null | undefined) => formatDate(lang, d),
  });
  const zh = i18n('zh');
  const en = i18n('en');

  it('namesTheCapThatStoppedTheTouch', () => {
    // suppressed_by as core's CapHit.code writes it: channel (or all) / period <= limit.
    expect(stopText('cap:phone/week<=1', zh)).toBe('电话每周最多 1 次（已达上限）');
    expect(stopText('cap:all/month<=6', zh)).toBe('全部渠道每月最多 6 次（已达上限）');
    expect(stopText('cap:sms/month<=2', en)).toBe('SMS: at most 2 a month (cap reached)');
  });

  it('namesConsentDoNotContactAndMissingDetails', () => {
    expect(stopText('do_not_contact', zh)).toBe('客户要求免打扰');
    expect(stopText('no_consent:sms', zh)).toBe('客户未同意通过短信联系');
    expect(stopText('no_consent:wechat', en)).toBe('No consent to contact by WeChat');
    expect(stopText('no_phone:phone', zh)).toBe('缺少电话号码（电话）');
    expect(stopText('no_email', en)).toBe('No email address');
    expect(stopText('holdout:care_2027', zh)).toBe('实验 care_2027 的对照组，留出不做');
  });

  it('namesWhyATaskWasCancelled', () => {
    expect(stopText('tier_changed:high_value', zh, (id) => (id === 'high_value' ? '高价值客户' : id))).toBe('等级已变为 高价值客户');
    expect(stopText('customer_removed', en)).toBe('The customer was removed');
    expect(stopText('no_longer_due', zh)).toBe('已不再需要');
    expect(stopText('contacted:2026-12-01', en)).toBe('Contacted on Dec 1, 2026');
  });

  it('showsAnUnknownOrMalformedCodeAsSent', () => {
    // A newer server's code, or a cap detail this version cannot read, is better shown raw than dropped.
    expect(stopText('weather:storm', zh)).toBe('weather:storm');
    expect(stopText('cap:phone/year<=1', zh)).toBe('cap:phone/year<=1');
    expect(stopText('cap:', en)).toBe('cap:');
    expect(stopText('', en)).toBe('');
    expect(stopText('no_consent:fax', en)).toBe('No consent to contact by fax');
  });
});
