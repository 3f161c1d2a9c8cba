import { describe, expect, it } from 'vitest';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import { modelErrorText } from './conditionErrors';

const tIn = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);

describe('modelErrorText', () => {
  const missing = { field: 'tiers[1].when', message: 'm.yaml: … mismatched input', code: 'missing_operand', rule: 2,
    column: 10, args: { token: '>' } };

  it('saysWhatIsMissingInPlainWordsInEitherLanguage', () => {
    expect(modelErrorText(missing, tIn('zh'))).toBe('第 2 条规则：`>` 后面缺少数值（第 10 列）');
    expect(modelErrorText(missing, tIn('en'))).toBe('Rule 2: a value is missing after `>` (column 10)');
  });

  it('translatesTypesAndSuggestsTheNearestMetric', () => {
    const types = { field: null, message: 'x', code: 'type_mismatch', rule: 1, args: { token: '>', left: 'string', right: 'int' } };
    expect(modelErrorText(types, tIn('zh'))).toBe('第 1 条规则：`>` 不能比较文本和整数');
    const typo = { field: null, message: 'x', code: 'unknown_metric', rule: 3, args: { token: 'abc_clas', suggestion: 'abc_class' } };
    expect(modelErrorText(typo, tIn('en'))).toBe('Rule 3: `abc_clas` is not a known metric; did you mean `abc_class`?');
  });

  it('namesThePlaybookKeyOfAServiceError', () => {
    const every = { field: 'tiers[1].service.cadence.every_days', message: 'x', code: 'invalid_playbook', rule: 2,
      args: { key: 'service.cadence.every_days', detail: 'must not be negative, got -5' } };
    expect(modelErrorText(every, tIn('zh'))).toBe('第 2 条规则：服务剧本 service.cadence.every_days：must not be negative, got -5');
    expect(modelErrorText(every, tIn('en'))).toBe('Rule 2: playbook service.cadence.every_days: must not be negative, got -5');
  });

  it('keepsTheServersMessageForCodesItDoesNotKnow', () => {
    expect(modelErrorText({ field: 'yaml', message: "unknown key 'tier'", code: 'invalid_model' }, tIn('zh')))
      .toBe("unknown key 'tier'");
    expect(modelErrorText({ field: 'yaml', message: 'plain' }, tIn('zh'))).toBe('plain');
  });
});
