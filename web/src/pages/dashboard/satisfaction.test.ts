import { describe, expect, it } from 'vitest';
import { groupName, rateText, satisfactionPath, scoreText, type SatisfactionRow } from './satisfaction';

const row = (over: Partial<SatisfactionRow>): SatisfactionRow => ({
  group: 'big', all: false, invited: 5, answered: 3, responseRate: 0.6, rateLower: 0.230724, rateUpper: 0.88238,
  nps: -25, npsAnswers: 4, csat: 10 / 3, csatAnswers: 3, ...over,
});
const pct = (r: number) => `${Math.round(r * 100)}%`;

describe('satisfaction card', () => {
  it('asksForTheChosenGroupingAndPeriod', () => {
    expect(satisfactionPath('category', 90)).toBe('/surveys/satisfaction?by=category&days=90');
  });

  it('namesTheAllRowThePoolGroupsWithoutAKeyAndKeys', () => {
    expect(groupName(row({ all: true, group: null }), 'tier')).toEqual({ kind: 'all' });
    expect(groupName(row({ group: null }), 'category')).toEqual({ kind: 'none', by: 'category' });
    expect(groupName(row({ group: '' }), 'owner')).toEqual({ kind: 'pool' });
    expect(groupName(row({ group: '王芳' }), 'owner')).toEqual({ kind: 'key', by: 'owner', key: '王芳' });
  });

  it('showsTheRateWithItsIntervalAndNoRateWithoutInvitations', () => {
    expect(rateText(row({}), pct)).toBe('60% (23%–88%)');
    expect(rateText(row({ invited: 0, answered: 0, responseRate: null, rateLower: null, rateUpper: null }), pct)).toBe('—');
  });

  it('givesEachScoreItsCountOfAnswers', () => {
    expect(scoreText(-25, 4, (n) => n.toFixed(0), String)).toBe('-25 (4)');
    expect(scoreText(null, 0, (n) => n.toFixed(0), String)).toBe('—');
  });
});
