import { describe, expect, it } from 'vitest';
import { previewRows } from './PlaybookPreview';

describe('previewRows', () => {
  it('putsTheLargestFirstAndBreaksTiesByName', () => {
    expect(previewRows({
      李娜: { tasks: 1, suppressedByCaps: 0 }, 张伟: { tasks: 2, suppressedByCaps: 1 }, '': { tasks: 1, suppressedByCaps: 0 },
    })).toEqual([
      { key: '张伟', tasks: 2, suppressedByCaps: 1 }, { key: '', tasks: 1, suppressedByCaps: 0 },
      { key: '李娜', tasks: 1, suppressedByCaps: 0 },
    ]);
  });
});
