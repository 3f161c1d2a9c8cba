// The sweep's untranslated-text rule, with wordings taken from src/i18n/messages.ts by hand.
import { describe, expect, it } from 'vitest';
import { untranslatedText } from './texts.mjs';

const meta = { tiers: [{ id: 'high_value', name: { zh: '高价值客户', en: 'High value' } }], metrics: [{ id: 'interactions', name: { zh: '互动次数', en: 'interactions' } }] };

describe('untranslatedText', () => {
  it('findsKeysAndEnglishOnAChinesePage', () => {
    expect(untranslatedText(['仪表盘', 'Dashboard', 'nav.dashboard', '12 in total', 'High value'], 'zh', meta)).toEqual([
      '"Dashboard" is the English wording', '"nav.dashboard" is a message key', '"12 in total" is the English wording',
      '"High value" is the English wording']);
  });

  it('findsChineseOnAnEnglishPage', () => {
    expect(untranslatedText(['Dashboard', '高价值客户', '共 12 条'], 'en', meta)).toEqual([
      '"高价值客户" is the Chinese wording', '"共 12 条" is the Chinese wording']);
  });

  it('leavesNamesCodesAndSharedWordingAlone', () => {
    // Strata is a name, CLV reads the same in both, interactions is the metric's code, 管理员 a person's display name.
    expect(untranslatedText(['Strata', 'CLV', 'interactions', '管理员'], 'en', meta, ['管理员'])).toEqual([]);
  });
});
