import { describe, expect, it } from 'vitest';
import { filterMovers, moversCsv, type Mover } from './movers';

const movers: Mover[] = [
  { customerId: 'B2', name: '乙公司', owner: '李娜', from: 'mid', to: 'big' },
  { customerId: 'C3', name: 'O\'Brien, "Ltd"', owner: '张伟', from: 'small', to: 'mid' },
  { customerId: 'D4', name: '=HYPERLINK("x")', owner: '张伟', from: 'small', to: 'big' },
];

describe('filterMovers', () => {
  it('filtersByTiersAndText', () => {
    expect(filterMovers(movers, { q: '', from: 'small', to: null }).map((m) => m.customerId)).toEqual(['C3', 'D4']);
    expect(filterMovers(movers, { q: '', from: 'small', to: 'big' }).map((m) => m.customerId)).toEqual(['D4']);
    expect(filterMovers(movers, { q: ' 李娜 ', from: null, to: null }).map((m) => m.customerId)).toEqual(['B2']);
    expect(filterMovers(movers, { q: 'brien', from: null, to: null }).map((m) => m.customerId)).toEqual(['C3']);
  });
});

describe('moversCsv', () => {
  it('quotesCommasAndQuotesAndDisarmsFormulas', () => {
    const csv = moversCsv(movers, ['id', 'name', 'owner', 'from', 'to', 'from_code', 'to_code'], (id) => id.toUpperCase());
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFid,name,owner,from,to,from_code,to_code',
      'B2,乙公司,李娜,MID,BIG,mid,big',
      'C3,"O\'Brien, ""Ltd""",张伟,SMALL,MID,small,mid',
      'D4,"\'=HYPERLINK(""x"")",张伟,SMALL,BIG,small,big',
      '',
    ]);
  });
});
