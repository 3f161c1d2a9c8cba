import { describe, expect, it } from 'vitest';
import { coverageByOwner } from './coverage';

describe('coverageByOwner', () => {
  it('sums each rep over their tiers, as customers and not as an average of shares', () => {
    const reps = coverageByOwner([
      { owner: '张伟', tier: 'high_value', customers: 4, covered: 4 },
      { owner: '张伟', tier: 'potential', customers: 16, covered: 8 },
      { owner: '李娜', tier: 'potential', customers: 0, covered: 0 },
    ]);
    const zw = reps.get('张伟');
    expect(zw?.customers).toBe(20);
    expect(zw?.covered).toBe(12);
    expect(zw?.share).toBeCloseTo(0.6); // not (1 + 0.5) / 2
    expect(zw?.tiers.map((t) => t.tier)).toEqual(['high_value', 'potential']);
    expect(reps.get('李娜')?.share).toBeNull();
    expect(reps.has('王磊')).toBe(false);
  });
});
