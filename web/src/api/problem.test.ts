import { describe, expect, it } from 'vitest';
import { parseProblem, tierIndexOf } from './problem';

describe('parseProblem', () => {
  it('keepsDetailAndFieldErrorsOfAProblemBody', () => {
    const error = parseProblem(422, {
      type: 'about:blank', title: 'Unprocessable Entity', status: 422, detail: 'The tier model is invalid',
      errors: [{ field: 'tiers[1].when', tier: 'at_risk', line: 12, message: "undeclared reference to 'abc_clas'" }],
    });
    expect(error.status).toBe(422);
    expect(error.message).toBe('The tier model is invalid');
    expect(error.errors).toEqual([
      { field: 'tiers[1].when', tier: 'at_risk', line: 12, message: "undeclared reference to 'abc_clas'" },
    ]);
  });

  it('keepsAModelErrorsCodeArgsAndSentencesButNoOtherValues', () => {
    const error = parseProblem(422, { status: 422, errors: [{ field: 'tiers[1]', message: 'm', code: 'duplicate_tier',
      args: { tier: 'big', n: 2 }, text: { zh: "等级 'big' 定义了两次", en: "tier 'big' is defined twice", x: null } }] });
    expect(error.errors[0]).toEqual({ field: 'tiers[1]', tier: null, line: null, message: 'm', code: 'duplicate_tier',
      args: { tier: 'big' }, text: { zh: "等级 'big' 定义了两次", en: "tier 'big' is defined twice" } });
  });

  it('fallsBackToTitleWhenThereIsNoDetail', () => {
    const error = parseProblem(403, { title: 'Forbidden', status: 403 });
    expect(error.detail).toBe('Forbidden');
    expect(error.errors).toEqual([]);
  });

  it('turnsANonJsonBodyIntoTheStatusLine', () => {
    expect(parseProblem(502, null, 'Bad Gateway').detail).toBe('502 Bad Gateway');
    expect(parseProblem(500, 'oops').detail).toBe('HTTP 500');
  });

  it('dropsMalformedFieldErrorsAndDefaultsMissingParts', () => {
    const error = parseProblem(400, { detail: 'bad', errors: [{ field: 'reason', message: 'required' }, 42, { field: 'x' }] });
    expect(error.errors).toEqual([{ field: 'reason', message: 'required', tier: null, line: null }]);
  });
});

describe('tierIndexOf', () => {
  it('readsTheTierPositionFromTheFieldPath', () => {
    expect(tierIndexOf('tiers[1].when')).toBe(1);
    expect(tierIndexOf('tiers[12]')).toBe(12);
    expect(tierIndexOf('scoring.rfm')).toBeNull();
    expect(tierIndexOf(null)).toBeNull();
  });
  it('keepsTheMachineCodeAndTheWait', () => {
    const error = parseProblem(429, { status: 429, detail: 'too many', code: 'signin_throttled', retryAfterSeconds: 5 });
    expect(error.code).toBe('signin_throttled');
    expect(error.retryAfterSeconds).toBe(5);
    expect(parseProblem(500, 'oops').code).toBeNull();
  });
});
