// Which language the UI speaks: the user's explicit choice, else the browser's, else English.

export type Lang = 'zh' | 'en';

export const LANG_KEY = 'strata.lang';

export function chooseLang(stored: string | null | undefined, browserLanguage: string | null | undefined): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The BCP 47 tag handed to Intl for a language. */
export function intlLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

/** A zh/en label from the API in the current language (falls back to the other one, then to the id). */
export function labelOf(label: { zh?: string | null; en?: string | null } | null | undefined, lang: Lang, id = ''): string {
  if (!label) return id;
  return (lang === 'zh' ? label.zh || label.en : label.en || label.zh) || id;
}
