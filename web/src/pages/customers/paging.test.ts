import { describe, expect, it } from 'vitest';
import { cursorFor, totalLabel } from './paging';
import { fill, messages, type MessageKey } from '../../i18n/messages';

describe('cursorFor', () => {
  const at = { page: 399, size: 50, sort: 'monetary,desc' };

  it('followsTheCursorOnePageForward', () => {
    expect(cursorFor(at, 'abc', { ...at, page: 400 })).toBe('abc');
  });

  it('goesByPageNumberForAnyOtherMove', () => {
    expect(cursorFor(at, 'abc', { ...at, page: 401 })).toBeNull();
    expect(cursorFor(at, 'abc', { ...at, page: 398 })).toBeNull();
    expect(cursorFor(at, 'abc', { ...at, page: 400, size: 100 })).toBeNull();
    expect(cursorFor(at, 'abc', { ...at, page: 400, sort: 'monetary,asc' })).toBeNull();
    // The last page has no next: the page number it is.
    expect(cursorFor(at, undefined, { ...at, page: 400 })).toBeNull();
  });
});

describe('totalLabel', () => {
  const num = (n: number) => n.toLocaleString('en');
  const tr = (lang: 'zh' | 'en') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);

  it('showsTenThousandPlusWhereTheServerStoppedCounting', () => {
    expect(totalLabel({ totalExact: false }, 10000, tr('zh'), num)).toBe('共 10,000+ 条');
    expect(totalLabel({ totalExact: false }, 10000, tr('en'), num)).toBe('10,000+ in total');
  });

  it('showsAnExactTotalAsItIs', () => {
    expect(totalLabel({ totalExact: true }, 9999, tr('zh'), num)).toBe('共 9,999 条');
    // Before the first answer, and from servers that sent no totalExact, totals are exact.
    expect(totalLabel(undefined, 0, tr('en'), num)).toBe('0 in total');
  });
});
