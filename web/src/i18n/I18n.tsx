// The language of the UI, shared through React context, with the formatters bound to it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { chooseLang, LANG_KEY, type Lang } from './locale';
import { fill, messages, type MessageKey } from './messages';
import { formatDate, formatDateTime, formatMoney, formatMoneyShort, formatNumber, formatPercent } from './format';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  num: (n: number | null | undefined, digits?: number) => string;
  money: (n: number | null | undefined) => string;
  /** Money in 万/亿 (zh) or K/M (en) where space is short; tables use `money`. */
  moneyShort: (n: number | null | undefined) => string;
  pct: (ratio: number | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  return chooseLang(localStorage.getItem(LANG_KEY), navigator.language);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const chosen = initialLang();
    dayjs.locale(chosen === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = chosen === 'zh' ? 'zh-CN' : 'en';
    return chosen;
  });
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    dayjs.locale(next === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({
    lang,
    setLang,
    t: (key, vars) => fill(messages[lang][key] ?? key, vars),
    num: (n, digits) => formatNumber(lang, n, digits),
    money: (n) => formatMoney(lang, n),
    moneyShort: (n) => formatMoneyShort(lang, n),
    pct: (r) => formatPercent(lang, r),
    date: (d) => formatDate(lang, d),
    dateTime: (d) => formatDateTime(lang, d),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
