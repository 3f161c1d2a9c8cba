import { describe, expect, it } from 'vitest';
import { assign, mappingOf, missingRequired } from './mapping';

const recognised = [
  { header: '客户编号', field: 'customer_id' },
  { header: '下单日期', field: 'order_date' },
  { header: '实收款', field: null },
  { header: '备注', field: null },
];

describe('import mapping', () => {
  it('reportsRequiredFieldsWithoutAColumn', () => {
    expect(missingRequired('transactions', recognised)).toEqual(['amount']);
    expect(missingRequired('customers', recognised)).toEqual([]);
  });

  it('mapsAChosenColumnAndSendsItAsFieldToHeader', () => {
    const mapped = assign(recognised, '实收款', 'amount');
    expect(missingRequired('transactions', mapped)).toEqual([]);
    expect(mappingOf(mapped)).toEqual({ customer_id: '客户编号', order_date: '下单日期', amount: '实收款' });
  });

  it('movesAFieldRatherThanMappingItTwice', () => {
    const moved = assign(recognised, '备注', 'order_date');
    expect(moved.map((c) => c.field)).toEqual(['customer_id', null, null, 'order_date']);
  });

  it('unmapsAColumn', () => {
    expect(mappingOf(assign(recognised, '客户编号', null))).toEqual({ order_date: '下单日期' });
  });
});
