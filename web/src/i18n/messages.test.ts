import { describe, expect, it } from 'vitest';
import { fill, messages } from './messages';

describe('messages', () => {
  it('fillsPlaceholdersAndKeepsUnknownOnes', () => {
    expect(fill('共 {n} 条', { n: 12 })).toBe('共 12 条');
    expect(fill('Run #{id} {x}', { id: 7 })).toBe('Run #7 {x}');
  });

  it('usesTheSamePlaceholdersInBothLanguages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(messages.en) as (keyof typeof messages.en)[]) {
      expect(placeholders(messages.zh[key]), key).toBe(placeholders(messages.en[key]));
    }
  });
});
