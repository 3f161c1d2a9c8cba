import { describe, expect, it } from 'vitest';
import { formatChange, formatDifference, formatInterval, formatValue, unitOf, warningsOf, type Warning } from './experiments';

const money = (x: number) => x.toFixed(2);

describe('experiments', () => {
  it('comparesSharesInPercentagePointsRevenueInMoneyAndNpsInPoints', () => {
    expect(unitOf('repurchase_rate')).toBe('share');
    expect(unitOf('migration_down')).toBe('share');
    expect(unitOf('revenue_per_customer')).toBe('money');
    expect(unitOf('nps')).toBe('points');
    // 0.8 − 0.4 = 0.4 of a rate is 40 percentage points, not 40 %.
    expect(formatDifference('repurchase_rate', 0.4, money)).toBe('+40.0 pp');
    expect(formatDifference('revenue_per_customer', -80, money)).toBe('−80.00');
    expect(formatDifference('nps', 66.67, money)).toBe('+67');
    expect(formatDifference('retention', 0, money)).toBe('±0.0 pp');
  });

  it('writesAnIntervalWithItsSignsOrNothingWhenThereAreTooFewCustomers', () => {
    expect(formatInterval('repurchase_rate', { estimate: 0.4, lower: 0.1526, upper: 0.5864, excludesZero: true }, money))
      .toBe('+40.0 pp (+15.3 pp … +58.6 pp)');
    expect(formatInterval('revenue_per_customer', { estimate: 5, lower: -2.5, upper: 12, excludesZero: false }, money))
      .toBe('+5.00 (−2.50 … +12.00)');
    expect(formatInterval('nps', null, money)).toBeNull();
  });

  it('showsAGroupsValueOrADashForAnEmptyGroup', () => {
    expect(formatValue('repurchase_rate', 0.8, money)).toBe('80.0 %');
    expect(formatValue('revenue_per_customer', 160, money)).toBe('160.00');
    expect(formatValue('nps', null, money)).toBe('—');
  });

  it('picksTheWarningsOfOneTierInTheReadersLanguage', () => {
    const w = (code: string, tier: string): Warning => ({ code, tier, detail: '', value: null, text: { zh: `${code}-zh`, en: `${code}-en` } });
    const all = [w('peeking', ''), w('too_few', 'big'), w('unbalanced', 'big')];
    expect(warningsOf(all, 'big', 'en')).toEqual(['too_few-en', 'unbalanced-en']);
    expect(warningsOf(all, '', 'zh')).toEqual(['peeking-zh']);
  });

  it('writesABeforeAfterChangeInTheMetricsUnit', () => {
    expect(formatChange('repurchase_rate', 0.5, 0.75, money)).toBe('50.0 % → 75.0 %');
    expect(formatChange('revenue_per_customer', 75, 150, money)).toBe('75.00 → 150.00');
    expect(formatChange('revenue_per_customer', null, 3, money)).toBe('— → 3.00');
  });
});
