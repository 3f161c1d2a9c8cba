import { describe, expect, it } from 'vitest';
import { heldOutText, NONE, pickRows, selectedCount, selectionBody, withinCap, type Selection } from './bulk';

describe('bulk selection', () => {
  it('namesPickedRowsOnceEach', () => {
    expect(selectionBody(pickRows(['C2', 'C1', 'C2']))).toEqual({ ids: ['C2', 'C1'] });
    expect(selectedCount(pickRows(['C1', 'C2']))).toBe(2);
    expect(selectedCount(NONE)).toBe(0);
  });

  it('sendsTheFilterWithoutItsEmptyValues', () => {
    const all: Selection = { kind: 'filter', filter: { tier: 'at_risk', owner: '', q: undefined }, total: 312 };
    expect(selectionBody(all)).toEqual({ filter: { tier: 'at_risk' } });
    expect(selectionBody({ kind: 'filter', filter: {}, total: 5 })).toEqual({ filter: {} });
    expect(selectedCount(all)).toBe(312);
  });

  it('checksTheCapOnTheWholeFilter', () => {
    expect(withinCap({ kind: 'filter', filter: {}, total: 1000 }, 1000)).toBe(true);
    expect(withinCap({ kind: 'filter', filter: {}, total: 1001 }, 1000)).toBe(false);
  });

  it('namesHeldOutCustomersPerExperiment', () => {
    const t = (_: string, v: Record<string, string | number>) => `${v.experiment}: ${v.n} (${v.ids})`;
    const six = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((customerId) => ({ customerId, experiment: 'care' }));
    expect(heldOutText([...six, { customerId: 'C9', experiment: 'vip' }], t))
      .toBe('care: 6 (C1, C2, C3, C4, C5, …) vip: 1 (C9)');
  });
});
