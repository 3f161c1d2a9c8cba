import { describe, expect, it } from 'vitest';
import { keepPolling, RUN_LINK_POLLS, warningsOf } from './warnings';

// As GET /imports/{id} answers for a transactions file with a repeated line and a value cut to its column (the
// labels bundles, note.quality_repeated_rows and note.import_values_cut; ImportsApiContract checks the same sentences),
// and for an import stored before warnings had codes.
const quality = {
  rows: 4, accepted: 4, rejected: 0, reasons: {}, duplicates: 1, afterAsOf: 0, inserted: 3, unchanged: 0,
  warnings: [
    { code: 'quality_repeated_rows', zh: '1 行与前面某一行完全相同', en: '1 rows repeat an earlier row exactly' },
    { code: 'import_values_cut', zh: '1 个值超过所在列允许的长度，已截断', en: '1 values were longer than their column allows and were cut' },
  ],
};

describe('warningsOf', () => {
  it('saysEachWarningInTheReadersLanguageWithItsCode', () => {
    expect(warningsOf(quality, 'zh')).toEqual([
      { code: 'quality_repeated_rows', text: '1 行与前面某一行完全相同' },
      { code: 'import_values_cut', text: '1 个值超过所在列允许的长度，已截断' },
    ]);
    expect(warningsOf(quality, 'en').map((w) => w.text)).toEqual([
      '1 rows repeat an earlier row exactly', '1 values were longer than their column allows and were cut',
    ]);
  });

  it('showsAnOldEnglishWarningAsWrittenInBothLanguages', () => {
    const old = '2 amounts had digits below the cent; they were rounded half-even';
    const stored = { ...quality, warnings: [{ code: null, zh: old, en: old }] };
    expect(warningsOf(stored, 'zh')).toEqual([{ code: null, text: old }]);
    expect(warningsOf(stored, 'en')).toEqual([{ code: null, text: old }]);
  });

  it('showsNoneWhenThereAreNone', () => {
    expect(warningsOf({ ...quality, warnings: [] }, 'zh')).toEqual([]);
  });
});

describe('keepPolling', () => {
  it('followsAQueuedOrRunningImport', () => {
    expect(keepPolling({ status: 'queued', runId: null }, 0)).toBe(true);
    expect(keepPolling({ status: 'running', runId: null }, 0)).toBe(true);
  });

  it('waitsAFewPollsForTheRunASucceededImportStarts', () => {
    expect(keepPolling({ status: 'succeeded', runId: null }, 0)).toBe(true);
    expect(keepPolling({ status: 'succeeded', runId: null }, RUN_LINK_POLLS - 1)).toBe(true);
    expect(keepPolling({ status: 'succeeded', runId: null }, RUN_LINK_POLLS)).toBe(false);
    expect(keepPolling({ status: 'succeeded', runId: 12 }, 0)).toBe(false);
  });

  it('stopsForAFailedImportOrNone', () => {
    expect(keepPolling({ status: 'failed', runId: null }, 0)).toBe(false);
    expect(keepPolling(null, 0)).toBe(false);
  });
});
