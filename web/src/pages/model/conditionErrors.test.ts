import { describe, expect, it } from 'vitest';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import { modelErrorText } from './conditionErrors';

const tIn = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);

describe('modelErrorText', () => {
  const missing = { field: 'tiers[1].when', message: 'm.yaml: … mismatched input', code: 'missing_operand', rule: 2,
    column: 10, args: { token: '>' } };

  it('saysWhatIsMissingInPlainWordsInEitherLanguage', () => {
    expect(modelErrorText(missing, tIn('zh'), 'zh')).toBe('第 2 条规则：`>` 后面缺少数值（第 10 列）');
    expect(modelErrorText(missing, tIn('en'), 'en')).toBe('Rule 2: a value is missing after `>` (column 10)');
  });

  it('translatesTypesAndSuggestsTheNearestMetric', () => {
    const types = { field: null, message: 'x', code: 'type_mismatch', rule: 1, args: { token: '>', left: 'string', right: 'int' } };
    expect(modelErrorText(types, tIn('zh'), 'zh')).toBe('第 1 条规则：`>` 不能比较文本和整数');
    const typo = { field: null, message: 'x', code: 'unknown_metric', rule: 3, args: { token: 'abc_clas', suggestion: 'abc_class' } };
    expect(modelErrorText(typo, tIn('en'), 'en')).toBe('Rule 3: `abc_clas` is not a known metric; did you mean `abc_class`?');
  });

  it('showsAPlaybookErrorInTheServersSentenceThoughItHasARule', () => {
    const every = { field: 'tiers[1].service.cadence.every_days', message: 'x', code: 'below_minimum', rule: 2,
      args: { key: 'service.cadence.every_days', value: '-5', min: '1' },
      text: { zh: "等级 'at_risk'：service.cadence.every_days：至少为 1，实为 -5", en: 'en sentence' } };
    expect(modelErrorText(every, tIn('zh'), 'zh')).toBe("等级 'at_risk'：service.cadence.every_days：至少为 1，实为 -5");
    expect(modelErrorText(every, tIn('en'), 'en')).toBe('en sentence');
  });

  it('showsOtherModelErrorsInTheServersSentenceForTheUisLanguage', () => {
    const unknownKey = { field: 'tiers[1]', message: "tier 'mid': colour: unknown key (expected id)", code: 'unknown_key',
      args: { tier: 'mid', key: 'colour', expected: 'id' },
      text: { zh: "等级 'mid'：colour：未知的键（可用的键：id）", en: "tier 'mid': colour: unknown key (expected id)" } };
    expect(modelErrorText(unknownKey, tIn('zh'), 'zh')).toBe("等级 'mid'：colour：未知的键（可用的键：id）");
    expect(modelErrorText(unknownKey, tIn('en'), 'en')).toBe("tier 'mid': colour: unknown key (expected id)");
    // The playbook's not_true_or_false is no condition code, and a model error without a rule is not a condition's.
    expect(modelErrorText({ field: 'yaml', message: 'm', code: 'not_boolean', text: { zh: '中文' } }, tIn('zh'), 'zh'))
      .toBe('中文');
  });

  it('keepsTheServersMessageWithoutACodeOrText', () => {
    expect(modelErrorText({ field: 'yaml', message: 'plain', code: 'model_too_large' }, tIn('zh'), 'zh')).toBe('plain');
    expect(modelErrorText({ field: 'yaml', message: 'plain' }, tIn('zh'), 'zh')).toBe('plain');
  });
});
