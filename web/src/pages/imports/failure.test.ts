import { describe, expect, it } from 'vitest';
import { failureOf } from './failure';

// As GET /imports/{id} answers for a transactions file without an amount column (the server's labels bundles,
// note.intake_no_column; the server's ImportsApiContract checks the same sentences), and for an import that failed
// before failures had codes.
const noAmount = {
  code: 'intake_no_column',
  zh: 'nocol.csv：缺少 amount 列；表头应类似 amount, orderamount, total, totalamount, 金额；现有表头：customer_id, order_date。可用 --map amount=<表头> 指定',
  en: 'nocol.csv: no amount column; expected a header such as amount, orderamount, total, totalamount, 金额; headers found: customer_id, order_date. Name it with --map amount=<header>',
};

describe('failureOf', () => {
  it('saysWhyInTheReadersLanguageWithItsCode', () => {
    expect(failureOf({ error: noAmount }, 'zh')).toEqual({ code: 'intake_no_column', text: noAmount.zh });
    expect(failureOf({ error: noAmount }, 'en')).toEqual({ code: 'intake_no_column', text: noAmount.en });
  });

  it('showsAnOldEnglishFailureAsWrittenInBothLanguages', () => {
    const old = { code: null, zh: 'orders.csv: no usable rows (3 read, 3 rejected)', en: 'orders.csv: no usable rows (3 read, 3 rejected)' };
    expect(failureOf({ error: old }, 'zh')).toEqual({ code: null, text: 'orders.csv: no usable rows (3 read, 3 rejected)' });
    expect(failureOf({ error: old }, 'en')?.text).toBe('orders.csv: no usable rows (3 read, 3 rejected)');
  });

  it('fallsBackToTheOtherLanguageWhenOneIsEmpty', () => {
    expect(failureOf({ error: { code: 'import_internal', zh: '', en: 'internal error while importing' } }, 'zh')?.text)
      .toBe('internal error while importing');
  });

  it('showsNothingForAnImportThatDidNotFail', () => {
    expect(failureOf({ error: null }, 'zh')).toBeNull();
  });
});
