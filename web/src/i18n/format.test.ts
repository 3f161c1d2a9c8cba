import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatMoneyShort, formatNumber, formatPercent } from './format';

describe('formatting per locale', () => {
  it('groupsThousandsInBothLanguages', () => {
    expect(formatNumber('zh', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 1234567.891, 2)).toBe('1,234,567.89');
  });

  it('writesYuanWithTheYenSignAndTwoDecimals', () => {
    expect(formatMoney('zh', 1280.5)).toBe('¥1,280.50');
    expect(formatMoney('en', 1280.5)).toBe('¥1,280.50');
    expect(formatMoney('zh', -20)).toBe('-¥20.00');
  });

  it('shortensMoneyToWanAndYiInChineseAndToMillionsInEnglish', () => {
    expect(formatMoneyShort('zh', 54_244_300)).toBe('¥5,424.43万');
    expect(formatMoneyShort('zh', 123_456_789)).toBe('¥1.23亿');
    expect(formatMoneyShort('zh', 15_000)).toBe('¥1.5万');
    expect(formatMoneyShort('zh', 9_876)).toBe('¥9,876');
    expect(formatMoneyShort('zh', -2_500_000)).toBe('-¥250万');
    expect(formatMoneyShort('en', 54_244_300)).toBe('¥54.24M');
    expect(formatMoneyShort('en', null)).toBe('—');
  });

  it('writesRatiosAsPercent', () => {
    expect(formatPercent('en', 0.62)).toBe('62%');
    expect(formatPercent('zh', 0.625)).toBe('62.5%');
  });

  it('writesDatesTheWayEachLanguageDoes', () => {
    expect(formatDate('zh', '2026-11-01')).toBe('2026年11月1日');
    expect(formatDate('en', '2026-11-01')).toBe('Nov 1, 2026');
  });

  it('showsInstantsInTheGivenTimeZone', () => {
    // 08:00 UTC is 16:00 in Shanghai (UTC+8); 17:30 UTC is already the next day there.
    expect(formatDateTime('zh', '2026-11-01T08:00:00Z', 'Asia/Shanghai')).toBe('2026年11月1日 16:00');
    expect(formatDateTime('en', '2026-11-01T08:00:00Z', 'Asia/Shanghai')).toBe('Nov 1, 2026, 16:00');
    expect(formatDateTime('zh', '2026-11-01T17:30:00Z', 'Asia/Shanghai')).toBe('2026年11月2日 01:30');
    expect(formatDateTime('en', '2026-11-23T00:05:00Z', 'UTC')).toBe('Nov 23, 2026, 00:05');
  });

  it('writesTheDateOfAnInstantAsFormatDateDoes', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const instant of ['2026-01-09T03:04:00Z', '2026-12-31T23:59:00Z', '2027-02-28T12:00:00Z']) {
        expect(formatDateTime(lang, instant, 'UTC').startsWith(formatDate(lang, instant.slice(0, 10))), `${lang} ${instant}`).toBe(true);
      }
    }
  });

  it('showsADashForMissingValues', () => {
    expect(formatMoney('en', null)).toBe('—');
    expect(formatNumber('zh', undefined)).toBe('—');
    expect(formatDate('en', null)).toBe('—');
  });
});
