// Numbers, money, percentages and dates per locale, all through Intl so grouping and symbols follow the language.
import { intlLocale, type Lang } from './locale';

const DASH = '—';

export function formatNumber(lang: Lang, value: number | null | undefined, maxDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: maxDigits }).format(value);
}

/** Yuan with two decimals. `narrowSymbol` shows ¥ in English too (the default there would be "CN¥"). */
export function formatMoney(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol',
  }).format(value);
}

/**
 * Money where space is short (KPI cards, chart labels): zh in 万 and 亿 (¥5,424.43万, ¥1.23亿), en in K/M/B, at most
 * two decimals. Tables keep {@link formatMoney}'s full figure.
 */
export function formatMoneyShort(lang: Lang, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', notation: 'compact',
    minimumFractionDigits: 0, maximumFractionDigits: 2, useGrouping: true, // true is "always"; compact's default groups only 5+ digits
  }).format(value);
}

/** A ratio 0..1 as a percentage with at most one decimal. */
export function formatPercent(lang: Lang, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return DASH;
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/**
 * A calendar date `YYYY-MM-DD` as the locale writes it. Read and written in UTC: the date is a day, not an
 * instant, and must not shift by the browser's time zone.
 */
export function formatDate(lang: Lang, isoDate: string | null | undefined): string {
  if (!isoDate) return DASH;
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/**
 * An instant in the browser's time zone (or the one given, for tests): {@link formatDate}'s date, then the 24-hour
 * time (2026年11月1日 16:00, Nov 1, 2026, 16:00), so a page never shows one day written two ways.
 */
export function formatDateTime(lang: Lang, instant: string | null | undefined, timeZone?: string): string {
  if (!instant) return DASH;
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(at);
}
