// Untranslated text for the page sweep: a visible string that is a message key (a t('…') without its message), or
// the other language's wording of a message or of a label from GET /meta (tier names, metrics, code lists).
import { build } from 'esbuild'; // comes with Vite; bundles the TypeScript message files for Node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

async function loadMessages() {
  const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n', 'messages.ts');
  const bundle = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const source = bundle.outputFiles[0].text;
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)).messages;
}

const messages = await loadMessages();
const KEYS = new Set(Object.keys(messages.en));
// Names read the same in both languages.
const NAMES = new Set(['Strata']);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wordings of the other language that differ from this one's: exact strings, and templates as patterns. */
function otherLanguage(lang, meta) {
  const other = lang === 'zh' ? 'en' : 'zh';
  const exact = new Set();
  const patterns = [];
  for (const key of KEYS) {
    const mine = messages[lang][key];
    const theirs = messages[other][key];
    if (theirs === mine) continue; // 'CLV', 'RFM' … read the same in both
    if (!/\{\w+\}/.test(theirs)) exact.add(theirs);
    // Templates need enough fixed wording to be recognised; '{n}' alone would match anything.
    else if (theirs.replace(/\{\w+\}/g, '').trim().length >= 4) {
      patterns.push(new RegExp(`^${escape(theirs).replace(/\\\{\w+\\\}/g, '.+?')}$`));
    }
  }
  for (const list of Object.values(meta ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const name = item?.name;
      // A label equal to its code (the mock's English metric names) is the code, shown on purpose in titles.
      if (name?.zh && name?.en && name.zh !== name.en && name[other] !== item.id) exact.add(name[other]);
    }
  }
  return { exact, patterns };
}

/** The texts among `texts` that are keys or the other language's, for a page in `lang`; `names` are data. */
export function untranslatedText(texts, lang, meta, names = []) {
  const { exact, patterns } = otherLanguage(lang, meta);
  return texts.filter((t) => !NAMES.has(t) && !names.includes(t)).filter((t) => KEYS.has(t) || exact.has(t) || patterns.some((p) => p.test(t)))
    .map((t) => (KEYS.has(t) ? `"${t}" is a message key` : `"${t}" is the ${lang === 'zh' ? 'English' : 'Chinese'} wording`));
}
