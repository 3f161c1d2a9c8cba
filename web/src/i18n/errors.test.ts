import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api/problem';
import { errorText, fieldErrorText } from './errors';
import { fill, messages, type MessageKey } from './messages';
import apiDoc from '../../../docs/api.md?raw';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => fill(messages.zh[key], vars);

describe('errorText', () => {
  it('translatesThePoolsProblemCodes', () => {
    const taken = parseProblem(409, { title: 'Conflict', detail: 'customer C1 is not in the pool', code: 'already_claimed' });
    expect(errorText(taken, zh)).toBe('该客户已被他人抢先认领。');
    const full = parseProblem(422, { title: 'Unprocessable', detail: '张伟 holds 3 customers', code: 'over_cap' });
    expect(errorText(full, zh)).toBe('您持有的客户数已达到该等级的上限。');
  });

  it('translatesTheGenericCodesInsteadOfShowingTheEnglishDetail', () => {
    expect(errorText(parseProblem(403, { title: 'Forbidden', detail: 'Access Denied', code: 'forbidden' }), zh))
      .toBe('您的角色无权执行此操作。如需使用，请联系管理员。');
    expect(errorText(parseProblem(409, { detail: 'a run is already going', code: 'conflict' }), zh))
      .toBe('与此期间的其他更改冲突（例如已有分级运行在进行，或名称已存在），请刷新后重试。');
  });

  it('fallsBackToTheCodeOfTheStatusForCodesItDoesNotKnow', () => {
    expect(errorText(parseProblem(409, { detail: 'task 7 is done, not open', code: 'task_closed' }), zh))
      .toBe(messages.zh['err.conflict']);
    expect(errorText(parseProblem(422, { detail: 'x', code: 'some_new_rule' }), zh)).toBe(messages.zh['err.invalid_request']);
    expect(errorText(parseProblem(418, { detail: 'teapot' }), zh)).toBe(messages.zh['err.bad_request']);
    // A proxy's HTML page in front of a server that is down.
    expect(errorText(parseProblem(502, '<html>bad gateway</html>', 'Bad Gateway'), zh)).toBe('服务器暂时不可用，请稍后再试。');
    expect(errorText(parseProblem(507, null), zh)).toBe(messages.zh['err.internal_error']);
  });

  it('saysWhenTheServerCannotBeReached', () => {
    expect(errorText(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('fillsTheWaitOfAThrottledSignIn', () => {
    const throttled = parseProblem(429, { code: 'signin_throttled', retryAfterSeconds: 42 });
    expect(errorText(throttled, zh)).toBe('此设备登录失败次数过多，请 42 秒后再试。');
  });

  // docs/api.md's table is the list of codes clients switch on; each needs its sentence in both languages.
  it('hasATextForEveryCodeOfTheApiDocsTable', () => {
    const codes = [...apiDoc.matchAll(/^\s*\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toContain('payload_too_large');
    const missing = codes.filter((code) => !(`err.${code}` in messages.en) || !(`err.${code}` in messages.zh));
    expect(missing).toEqual([]);
  });
});

describe('fieldErrorText', () => {
  // As POST /imports/preview answers a UTF-16 file (note.intake_utf16 in the server's labels bundles).
  const utf16 = parseProblem(400, {
    title: 'Bad Request', detail: 'file: 订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: \'CSV UTF-8\') or GBK and retry',
    code: 'unusable_file',
    errors: [{
      field: 'file', message: '订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: \'CSV UTF-8\') or GBK and retry',
      code: 'intake_utf16',
      text: {
        zh: '订单16.csv：文件为 UTF-16 编码；请另存为 UTF-8（Excel：“CSV UTF-8”）或 GBK 后重试',
        en: '订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: \'CSV UTF-8\') or GBK and retry',
      },
    }],
  });

  it('saysAnUnusableFilesReasonInTheReadersLanguage', () => {
    expect(errorText(utf16, zh)).toBe('此文件无法导入：');
    expect(fieldErrorText(utf16.errors[0], 'zh')).toBe('订单16.csv：文件为 UTF-16 编码；请另存为 UTF-8（Excel：“CSV UTF-8”）或 GBK 后重试');
    expect(fieldErrorText(utf16.errors[0], 'en')).toBe('订单16.csv: the file is UTF-16; save it as UTF-8 (Excel: \'CSV UTF-8\') or GBK and retry');
  });

  it('keepsTheMessageOfAFieldErrorWithoutText', () => {
    const sort = parseProblem(400, { code: 'invalid_request', errors: [{ field: 'sort', message: 'unknown sort field' }] });
    expect(fieldErrorText(sort.errors[0], 'zh')).toBe('unknown sort field');
  });
});
