import { describe, expect, it } from 'vitest';
import { complete, literal, parseCondition, writeCondition, yamlScalar, type Group } from './ruleForm';

const row = (metric: string, op: string, value: unknown) => ({ kind: 'row', metric, op, value });

describe('parseCondition', () => {
  it('readsTheDefaultModelsConditionsAsNestedGroups', () => {
    expect(parseCondition("abc_class == 'A' && lifecycle_stage in ['new', 'active']")).toEqual({
      kind: 'group', join: '&&', items: [row('abc_class', '==', 'A'), row('lifecycle_stage', 'in', ['new', 'active'])],
    });
    expect(parseCondition("lifecycle_stage == 'new' || (lifecycle_stage == 'active' && (f_score >= 3 || m_score >= 3))"))
      .toEqual({
        kind: 'group', join: '||', items: [
          row('lifecycle_stage', '==', 'new'),
          { kind: 'group', join: '&&', items: [row('lifecycle_stage', '==', 'active'),
            { kind: 'group', join: '||', items: [row('f_score', '>=', 3), row('m_score', '>=', 3)] }] },
        ],
      });
  });

  it('givesOneRowAGroupAndFlattensRedundantBrackets', () => {
    expect(parseCondition('r_score >= 4')).toEqual({ kind: 'group', join: '&&', items: [row('r_score', '>=', 4)] });
    expect(parseCondition('((r_score > 1) && (f_score > 2)) && m_score > 3')?.items).toHaveLength(3);
  });

  it('readsEscapesInEitherQuote', () => {
    expect(parseCondition(String.raw`region == 'O\'Brien \\ 华东'`)?.items[0]).toEqual(row('region', '==', "O'Brien \\ 华东"));
    expect(parseCondition(String.raw`industry == "say \"hi\""`)?.items[0]).toEqual(row('industry', '==', 'say "hi"'));
  });

  it.each([
    ['arithmetic', 'monetary / frequency > 100'],
    ['a function', "industry.matches('^华')"],
    ['negation', '!has_purchase'],
    ['two metrics', 'r_score > f_score'],
    ['the catch-all', 'true'],
    ['an unclosed quote', "abc_class == 'A"],
    ['an unclosed bracket', '(r_score > 1'],
    ['a dangling operator', 'r_score >'],
    ['a number past 2^53', 'monetary > 99999999999999999999'],
    ['an unknown escape', String.raw`region == '\x41'`],
    ['full-width symbols', 'r_score ＞ 3'],
    ['empty text', '   '],
  ])('leavesToTheRawEditor %s', (_what, cel) => {
    expect(parseCondition(cel)).toBeNull();
  });
});

describe('writeCondition', () => {
  it.each([
    "abc_class == 'A' && lifecycle_stage in ['new', 'active']",
    "abc_class in ['A', 'B'] && lifecycle_stage in ['dormant', 'churned']",
    "lifecycle_stage == 'new' || (lifecycle_stage == 'active' && (f_score >= 3 || m_score >= 3))",
    'r_score >= 4 && (f_score < 2 || m_score != 5)',
    'monetary >= 1234.5 && p_alive <= 0.25 && nps > -10',
    'has_purchase == false',
  ])('roundTrips %s', (cel) => {
    expect(writeCondition(parseCondition(cel)!)).toBe(cel);
  });

  it('quotesAndEscapesTextSoItReadsBackTheSame', () => {
    const hostile = "O'Brien\\'; drop table x; -- \n\t华东 \"q\"";
    const form: Group = { kind: 'group', join: '&&', items: [row('region', '==', hostile) as never] };
    const cel = writeCondition(form);
    expect(cel).toBe(String.raw`region == 'O\'Brien\\\'; drop table x; -- \n\t华东 "q"'`);
    expect(parseCondition(cel)).toEqual(form);
  });

  it('dropsEmptyGroupsAndBracketsOnlyNestedOnes', () => {
    const form: Group = { kind: 'group', join: '&&', items: [
      row('r_score', '>', 3) as never, { kind: 'group', join: '||', items: [] },
      { kind: 'group', join: '||', items: [row('f_score', '>', 1) as never] },
    ] };
    expect(writeCondition(form)).toBe('r_score > 3 && f_score > 1');
    expect(writeCondition({ kind: 'group', join: '&&', items: [] })).toBe('');
  });

  it('writesLiteralsByType', () => {
    expect(literal(3)).toBe('3');
    expect(literal(0.5)).toBe('0.5');
    expect(literal(true)).toBe('true');
    expect(literal('A')).toBe("'A'");
  });
});

describe('yamlScalar', () => {
  it('doubleQuotesSoColonsHashesAndQuotesStayText', () => {
    expect(yamlScalar("region == 'a: b #c' && x == \"y\\z\""))
      .toBe(String.raw`"region == 'a: b #c' && x == \"y\\z\""`);
  });
});

describe('complete', () => {
  it('refusesEmptyGroupsMissingMetricsEmptyListsAndNonNumbers', () => {
    const ok = parseCondition("r_score > 3 && abc_class in ['A']")!;
    expect(complete(ok)).toBe(true);
    expect(complete({ kind: 'group', join: '&&', items: [] })).toBe(false);
    expect(complete({ kind: 'group', join: '&&', items: [row('', '==', 1) as never] })).toBe(false);
    expect(complete({ kind: 'group', join: '&&', items: [row('abc_class', 'in', []) as never] })).toBe(false);
    expect(complete({ kind: 'group', join: '&&', items: [row('r_score', '>', Number.NaN) as never] })).toBe(false);
  });
});
