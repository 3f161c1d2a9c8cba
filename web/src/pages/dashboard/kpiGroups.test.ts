import { describe, expect, it } from 'vitest';
import { dimensionsOf, groupsOf, resolveChoice, rowsOf, scopedChoices, seesAll, trendPath, type KpiGroup } from './kpiGroups';
import type { KpiRow } from './kpiTrend';

const total = (customers: number): KpiRow => ({
  dimension: '', group: '', tier: null, customers, buyers: 0, revenueCents: 0, revenueShare: null,
  averageOrderValue: null, repurchaseRate: null, retention: null, churnRate: null, movedUp: null, movedDown: null,
  averageClv: null, averagePAlive: null, nps: null, npsAnswers: 0, csat: null, csatAnswers: 0, complaintsPer100: null,
});
const g = (dimension: string, group: string, customers: number): KpiGroup =>
  ({ dimension, group, rows: [{ ...total(customers), dimension, group }] });

// What GET /kpis sends each role (the server scopes it): an admin everything, a manager the team and its reps (the
// reps listed first, as the stored positions put them), a sales user their own customers.
const admin = [g('all', '', 9), g('owner', '王芳', 3), g('owner', '张伟', 2), g('owner', '李娜', 4),
  g('team', 'south', 5), g('team', 'north', 4), g('region', '华东', 9)];
const manager = [g('owner', '王芳', 3), g('owner', '张伟', 2), g('team', 'south', 5)];
const rep = [g('owner', '王芳', 3)];

describe('kpi group choice', () => {
  it('showsAllCustomersToThoseWhoSeeAll', () => {
    expect(seesAll(admin)).toBe(true);
    expect(resolveChoice(admin, null)).toEqual({ dimension: 'all', group: '' });
    expect(dimensionsOf(admin)).toEqual(['all', 'team', 'owner', 'region']);
  });

  it('showsAManagerTheTeamsTotalsNotTheFirstRep', () => {
    // The bug this replaces: groups[0] was 王芳's figures, shown as if they were the team's.
    expect(seesAll(manager)).toBe(false);
    expect(resolveChoice(manager, null)).toEqual({ dimension: 'team', group: 'south' });
    expect(rowsOf(manager, resolveChoice(manager, null))?.[0].customers).toBe(5);
    expect(scopedChoices(manager)).toEqual([
      { dimension: 'team', group: 'south' }, { dimension: 'owner', group: '王芳' }, { dimension: 'owner', group: '张伟' }]);
  });

  it('showsASalesUserTheirOwnGroupWithNothingToPick', () => {
    expect(resolveChoice(rep, null)).toEqual({ dimension: 'owner', group: '王芳' });
    expect(scopedChoices(rep)).toHaveLength(1);
  });

  it('keepsAPickedGroupWhileTheTableHasIt', () => {
    const picked = { dimension: 'owner', group: '张伟' };
    expect(resolveChoice(manager, picked)).toBe(picked);
    // Another snapshot without that rep: the first group of the same dimension, by name.
    expect(resolveChoice([g('owner', '王芳', 3), g('team', 'south', 3)], picked)).toEqual({ dimension: 'owner', group: '王芳' });
    // A dimension the table lacks (a manager of a snapshot computed before teams): the viewer's default.
    expect(resolveChoice(rep, { dimension: 'team', group: 'south' })).toEqual({ dimension: 'owner', group: '王芳' });
    expect(resolveChoice([], null)).toBeNull();
  });

  it('sortsGroupsInTheViewersLanguage', () => {
    expect(groupsOf(admin, 'owner', 'zh-CN')).toEqual(['李娜', '王芳', '张伟']); // by pinyin: li, wang, zhang
    expect(groupsOf(admin, 'team', 'en')).toEqual(['north', 'south']);
  });

  it('asksForTheTrendOfTheChosenGroup', () => {
    expect(trendPath({ dimension: 'owner', group: '王芳' })).toBe('/kpis/trend?dimension=owner&group=%E7%8E%8B%E8%8A%B3');
    expect(trendPath({ dimension: 'all', group: '' })).toBe('/kpis/trend?dimension=all&group=');
    expect(trendPath(null)).toBe('/kpis/trend');
  });
});
