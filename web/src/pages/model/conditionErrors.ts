// A model error in the user's words: a condition error's code and args through the rules.error.* messages
// ("第 2 条规则：`>` 后面缺少数值"); other model errors (unknown_key, duplicate_tier …) in the server's sentence for
// the UI's language, rendered from the same labels the CLI uses; without either, the server's message.
import type { FieldError } from '../../api/problem';
import type { MessageKey } from '../../i18n/messages';
import { messages } from '../../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
const TYPED = ['left', 'right', 'type'];

export function modelErrorText(error: FieldError, t: T, lang: 'zh' | 'en'): string {
  const code = error.code;
  const key = `rules.error.${code}`;
  if (!code || !error.rule || !(key in messages.en)) return error.text?.[lang] || error.message;
  const args: Record<string, string> = { ...(error.args ?? {}) };
  for (const name of TYPED) {
    const typeKey = `rules.type.${args[name]}`;
    if (args[name] && typeKey in messages.en) args[name] = t(typeKey as MessageKey);
  }
  const sentence = code === 'unknown_metric' && args.suggestion ? t('rules.error.did_you_mean', args) : t(key as MessageKey, args);
  const located = error.column ? t('rules.error.at', { text: sentence, column: error.column }) : sentence;
  return error.rule ? t('rules.error.rule', { n: error.rule, text: located }) : located;
}
