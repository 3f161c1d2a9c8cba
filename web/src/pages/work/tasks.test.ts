import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types';
import { addDays, dueBefore, groupByType, isOverdue, localDay } from './tasks';

const task = (id: number, type: string, dueDate: string): Task => ({
  id, key: `C${id}|x|none`, customerId: `C${id}`, owner: '张伟', tier: 'at_risk', type, channel: 'phone', dueDate,
  trigger: 'cadence', reason: null, reasonText: { zh: '', en: '' }, status: 'open', suppressedBy: null, outcome: null,
  note: null, createdAt: '2026-12-01T00:00:00Z', closedAt: null, closedBy: null, customerName: null, phone: null, email: null,
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
