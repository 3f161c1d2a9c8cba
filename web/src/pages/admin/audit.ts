// The audit log's action codes and details as the admin reads them (texts in i18n/messages-audit.ts).
import type { Lang } from '../../i18n/locale';
import { messages, type MessageKey } from '../../i18n/messages';

const PREFIX = 'audit.';

/** Every action code the server records, in the bundle's order (which groups them by feature). */
export const AUDIT_ACTIONS: string[] = Object.keys(messages.en).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));

/** The action's label; a code this UI does not know (a newer server's) shows as itself rather than nothing. */
export function actionLabel(code: string, t: (key: MessageKey) => string): string {
  const key = PREFIX + code;
  return key in messages.en ? t(key as MessageKey) : code;
}

const DETAIL = 'auditDetail.';

/** Values that are codes of something the UI already names, by the value's name in the detail. */
const NAMED_BY: Record<string, string> = {
  role: 'role.', type: 'taskType.', channel: 'channel.', outcome: 'outcome.', trigger: 'trigger.', kind: 'kind.',
  rule: 'pool.rule.', was: 'dup.status.', reasons: 'dup.reason.',
};

/** Names whose empty value is the customer pool (a customer with no owner). */
const OWNERS = new Set(['from', 'to', 'owner', 'rep']);

type Value = string | number | boolean | string[] | { zh: string; en: string } | null;

/** What an audit entry did, in the reader's language. */
export interface DetailOf {
  detail: string | null;
  detailCode?: string | null;
  detailParams?: Record<string, Value> | null;
}

/**
 * The entry's detail as a sentence in {@code lang}: its code's sentence with the values filled (codes among them named
 * too) and the fragments of the optional values it has. An entry from before details had codes, or with a code this
 * UI does not know (a newer server's), shows the English text the server wrote.
 */
export function detailText(entry: DetailOf, lang: Lang, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const code = entry.detailCode;
  if (!code || !(DETAIL + code in messages.en)) return entry.detail ?? '';
  const params = entry.detailParams ?? {};
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) vars[name] = valueText(name, value, lang, t);
  let text = t((DETAIL + code) as MessageKey, vars);
  for (const name of Object.keys(params)) {
    const fragment = `${DETAIL}${code}.${name}`;
    if (fragment in messages.en) text += t(fragment as MessageKey, vars);
  }
  return text;
}

function valueText(name: string, value: Value, lang: Lang, t: (key: MessageKey) => string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => valueText(name, v, lang, t)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return value[lang];
  const text = String(value);
  if (OWNERS.has(name) && text === '') return t('auditDetail.pool');
  const key = NAMED_BY[name] ? NAMED_BY[name] + text : '';
  return key && key in messages.en ? t(key as MessageKey) : text;
}
