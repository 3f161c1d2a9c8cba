import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api/problem';
import { errorText } from './errors';
import { fill, messages, type MessageKey } from './messages';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => fill(messages.zh[key], vars);

describe('errorText', () => {
  it('translatesThePoolsProblemCodes', () => {
    const taken = parseProblem(409, { title: 'Conflict', detail: 'customer C1 is not in the pool', code: 'already_claimed' });
    expect(errorText(taken, zh)).toBe('该客户已被他人抢先认领。');
    const full = parseProblem(422, { title: 'Unprocessable', detail: '张伟 holds 3 customers', code: 'over_cap' });
    expect(errorText(full, zh)).toBe('您持有的客户数已达到该等级的上限。');
  });

  it('fallsBackToTheServersDetailForCodesItDoesNotKnow', () => {
    expect(errorText(parseProblem(409, { detail: 'task 7 is done, not open', code: 'conflict' }), zh)).toBe('task 7 is done, not open');
    expect(errorText(parseProblem(502, '<html>bad gateway</html>', 'Bad Gateway'), zh)).toBe('502 Bad Gateway');
    expect(errorText(new Error('offline'), zh)).toBe('offline');
  });
});
