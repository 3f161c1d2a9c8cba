import { describe, expect, it } from 'vitest';
import { budgetTable, repTierColumns, resourceSummary, type RepLine, type ResourceLine } from './resources';
import { fill, messages } from '../../i18n/messages';

const line = (tier: string, customers: number, giftValue: number | null, discountCeiling: number | null,
  repHoursShare: number | null): ResourceLine => ({
  tier, customers, giftValue, discountCeiling, repHoursShare,
  giftBudget: giftValue === null ? null : Math.round(customers * giftValue * 100) / 100,
});

describe('budgetTable', () => {
  it('keepsTheTiersThatBudgetAndAddsTheirGiftBudgets', () => {
    // 2 x 800 + 1 x 12.5 = 1612.5; the tier without lines is left out, its customers too.
    const table = budgetTable([line('big', 2, 800, 0.15, 0.6), line('small', 1, 12.5, null, 0.3),
      line('rest', 7, null, null, null)]);
    expect(table.rows.map((r) => r.tier)).toEqual(['big', 'small']);
    expect(table.totalBudget).toBe(1612.5);
    expect(table.totalCustomers).toBe(3);
  });

  it('addsInCentsAndHasNoTotalWithoutGifts', () => {
    expect(budgetTable([line('a', 1, 0.1, null, null), line('b', 1, 0.2, null, null)]).totalBudget).toBe(0.3);
    expect(budgetTable([line('a', 4, null, 0.1, null)]).totalBudget).toBeNull();
    expect(budgetTable([]).rows).toEqual([]);
  });
});

describe('resourceSummary', () => {
  const money = (n: number) => `¥${n}`;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  it('namesEachLineTheTierSetsInBothLanguages', () => {
    const r = { giftValue: 2000, discountCeiling: 0.15, repHoursShare: 0.5 };
    expect(resourceSummary(r, (k, v) => fill(messages.en[k], v), money, pct))
      .toEqual(['Gifts up to ¥2000 a year', 'discount up to 15%', 'the tier takes 50% of rep hours']);
    expect(resourceSummary(r, (k, v) => fill(messages.zh[k], v), money, pct))
      .toEqual(['每年礼品不超过 ¥2000', '折扣不超过 15%', '该分级占销售工时 50%']);
  });

  it('leavesOutWhatTheTierDoesNotSet', () => {
    expect(resourceSummary({ giftValue: null, discountCeiling: 0, repHoursShare: null }, (k, v) => fill(messages.en[k], v), money, pct))
      .toEqual(['discount up to 0%']);
    expect(resourceSummary(null, (k, v) => fill(messages.en[k], v), money, pct)).toEqual([]);
  });
});

describe('repTierColumns', () => {
  const rep = (owner: string, tiers: string[]): RepLine => ({ owner, tasks: 0, hours: 0,
    tiers: tiers.map((tier) => ({ tier, tasks: 0, hours: 0, share: null, target: null })) });

  it('keepsTheModelOrderAndAddsADroppedTierSomeRepStillWorksIn', () => {
    expect(repTierColumns([rep('li', ['big', 'small']), rep('wang', ['big', 'small', 'retired'])]))
      .toEqual(['big', 'small', 'retired']);
    expect(repTierColumns([])).toEqual([]);
  });
});
