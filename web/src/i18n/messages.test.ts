import { describe, expect, it } from 'vitest';
import { fill, messages } from './messages';

// Acronyms Chinese readers use as they are, the only texts allowed to read the same in both languages (the server's
// bundles allow the same: core's BundleCheck).
const ACRONYMS = new Set(['NPS', 'CSAT', 'CLV']);

/** What is wrong with one key's texts: blank, only the key, or a Chinese text that is not Chinese (copied English). */
function problemsOf(key: string, en: string, zh: string): string[] {
  const problems: string[] = [];
  for (const [lang, text] of [['en', en], ['zh', zh]]) {
    if (!text.trim()) problems.push(`${lang} ${key}: blank`);
    else if (text.trim() === key) problems.push(`${lang} ${key}: only its key`);
  }
  const words = zh.replace(/\{\w+\}/g, '');
  if (!ACRONYMS.has(zh.trim()) && /[A-Za-z]/.test(words) && !/\p{Script=Han}/u.test(words)) problems.push(`zh ${key}: not Chinese: ${zh}`);
  return problems;
}

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

  it('hasEveryTextReadingRightInBothLanguages', () => {
    const keys = Object.keys(messages.en) as (keyof typeof messages.en)[];
    expect(keys.flatMap((key) => problemsOf(key, messages.en[key], messages.zh[key]))).toEqual([]);
  });

  it('findsBlankKeyOnlyAndUntranslatedTexts', () => {
    expect(problemsOf('a', 'Active', 'Active')).toEqual(['zh a: not Chinese: Active']);
    expect(problemsOf('b', ' ', '空')).toEqual(['en b: blank']);
    expect(problemsOf('cust.x', 'cust.x', '客户')).toEqual(['en cust.x: only its key']);
    expect(problemsOf('d', 'NPS', 'NPS')).toEqual([]);
    expect(problemsOf('e', '{by}, {at}', '{by}，{at}')).toEqual([]);
    expect(problemsOf('f', 'Score {n}', '得分 {n}')).toEqual([]);
  });
});
