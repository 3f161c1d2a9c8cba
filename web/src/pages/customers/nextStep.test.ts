import { describe, expect, it } from 'vitest';
import { nextStep, todayIso } from './nextStep';

describe('nextStep', () => {
  it('is null when nothing is planned', () => {
    expect(nextStep({ nextTask: null }, '2026-12-05')).toBeNull();
    expect(nextStep({}, '2026-12-05')).toBeNull();
  });

  it('is overdue only when due before today', () => {
    const row = (dueDate: string) => ({ nextTask: { dueDate, type: 'win_back', channel: 'phone' } });
    expect(nextStep(row('2026-12-04'), '2026-12-05')?.overdue).toBe(true);
    expect(nextStep(row('2026-12-05'), '2026-12-05')?.overdue).toBe(false);
    expect(nextStep(row('2027-01-02'), '2026-12-31')).toEqual({ type: 'win_back', channel: 'phone', dueDate: '2027-01-02', overdue: false });
  });

  it('takes today from the local calendar, zero-padded', () => {
    expect(todayIso(new Date(2026, 0, 7, 23, 59))).toBe('2026-01-07');
  });
});
