import { describe, expect, it } from 'vitest';
import { reasonText } from './ChurnCard';

describe('churn reasons', () => {
  const names: Record<string, string> = { recency_days: '最近购买距今天数', complaints: '投诉' };
  it('lists names in the order given, with each language\'s separator', () => {
    expect(reasonText(['recency_days', 'complaints'], (c) => names[c], 'zh')).toBe('最近购买距今天数、投诉');
    expect(reasonText(['recency_days', 'complaints'], (c) => c, 'en')).toBe('recency_days, complaints');
  });
});
