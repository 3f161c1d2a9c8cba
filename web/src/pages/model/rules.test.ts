import { describe, expect, it } from 'vitest';
import { conditionText, errorsByRule, replaceCondition, ruleBlocks } from './rules';

const yaml = [
  'name: My tiers',                       // 1
  'tiers:',                               // 2
  '  - id: high_value',                   // 3
  '    name: {zh: 高价值客户, en: High value}', // 4
  "    when: abc_clas == 'A'",            // 5
  '  - id: "rest"',                       // 6
  '    when: true',                       // 7
  'scoring:',                             // 8
  '  - id: not_a_tier',                   // 9
].join('\n');

describe('ruleBlocks', () => {
  it('findsEachTierWithItsLineAndCondition', () => {
    expect(ruleBlocks(yaml)).toEqual([
      { index: 0, id: 'high_value', line: 3, when: "abc_clas == 'A'", whenLine: 5 },
      { index: 1, id: 'rest', line: 6, when: 'true', whenLine: 7 },
    ]);
  });
});

describe('errorsByRule', () => {
  const blocks = ruleBlocks(yaml);

  it('placesErrorsByFieldPathTierIdOrLine', () => {
    const byField = { field: 'tiers[0].when', message: "undeclared reference to 'abc_clas'" };
    const byTier = { field: null, tier: 'rest', message: 'x' };
    const byLine = { field: null, line: 5, message: 'y' };
    const general = { field: 'name', message: 'z' };
    const grouped = errorsByRule([byField, byTier, byLine, general], blocks);
    expect(grouped.get(0)).toEqual([byField, byLine]);
    expect(grouped.get(1)).toEqual([byTier]);
    expect(grouped.get(-1)).toEqual([general]);
  });

  it('treatsAnIndexBeyondTheTextsRulesAsModelWide', () => {
    expect(errorsByRule([{ field: 'tiers[5].when', message: 'm' }], blocks).get(-1)).toHaveLength(1);
  });
});

describe('conditionText', () => {
  it('unquotesYamlScalarsAndRefusesWhatALineCannotHold', () => {
    expect(conditionText("abc_class == 'A'  # top")).toBe("abc_class == 'A'");
    expect(conditionText("'abc_class == ''A'''")).toBe("abc_class == 'A'");
    expect(conditionText(String.raw`"region == \"x\""`)).toBe('region == "x"');
    expect(conditionText('|')).toBeNull();
    expect(conditionText('>-')).toBeNull();
    expect(conditionText("'unfinished")).toBeNull();
    expect(conditionText(null)).toBeNull();
  });
});

describe('replaceCondition', () => {
  it('rewritesOnlyThatRulesWhenLineKeepingItsIndentation', () => {
    const out = replaceCondition(yaml, ruleBlocks(yaml)[0], '"r_score >= 4"');
    expect(out.split('\n')[4]).toBe('    when: "r_score >= 4"');
    expect(out.split('\n').filter((l, i) => l !== yaml.split('\n')[i])).toHaveLength(1);
  });
});

describe('ruleBlocks on conditions over several lines', () => {
  it('marksAConditionThatContinuesSoTheFormLeavesItAlone', () => {
    const text = ['tiers:', '  - id: a', "    when: r_score > 3", '      && f_score > 1', '    name: A', '  - id: b',
      '    when: true', '    name: B'].join('\n');
    const [a, b] = ruleBlocks(text);
    expect(a.continued).toBe(true);
    expect(b.continued).toBeUndefined();
  });
});
