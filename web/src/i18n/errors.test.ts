import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api/problem';
import { errorText, fieldErrorText } from './errors';
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
