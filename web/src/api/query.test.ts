import { describe, expect, it } from 'vitest';
import { buildQuery, customerQuery, exportQuery, facetQuery, sortParam } from './query';

describe('buildQuery', () => {
  it('leavesOutEmptyValuesAndEncodesTheRest', () => {
    expect(buildQuery({ tier: 'high_value', owner: '张伟', q: '', segment: undefined, abc: null, page: 0 }))
      .toBe('?tier=high_value&owner=%E5%BC%A0%E4%BC%9F&page=0');
  });

  it('isEmptyWhenNothingIsSet', () => {
    expect(buildQuery({ q: '', tier: undefined })).toBe('');
  });
});

describe('customer list queries', () => {
  it('mapsAntdSortOrderToServerSort', () => {
    expect(sortParam({ field: 'monetary', order: 'descend' })).toBe('monetary,desc');
    expect(sortParam({ field: 'id', order: 'ascend' })).toBe('id,asc');
    expect(sortParam(null)).toBeUndefined();
  });

  it('combinesFiltersPagingAndSort', () => {
    // The comma of "clv,desc" is encoded (%2C); servers decode it before splitting.
    expect(customerQuery({ tier: 'at_risk', q: '  C00 ' }, 2, 50, { field: 'clv', order: 'descend' }))
      .toBe('?tier=at_risk&q=C00&page=2&size=50&sort=clv%2Cdesc');
  });

  it('carriesTheCursorOfTheNextPage', () => {
    expect(customerQuery({}, 400, 50, null, 'WyJpZCIsdHJ1ZSwiQzEiXQ')).toBe('?page=400&size=50&after=WyJpZCIsdHJ1ZSwiQzEiXQ');
  });

  it('exportsTheSameFilterWithoutPaging', () => {
    expect(exportQuery({ lifecycle: 'active', q: ' ' }, 'xlsx')).toBe('?format=xlsx&lifecycle=active');
  });

  it('asksForTheExportInTheUsersLanguage', () => {
    expect(exportQuery({ tier: 'at_risk' }, 'csv', null, 'zh')).toBe('?format=csv&tier=at_risk&lang=zh');
  });
});

describe('facet query', () => {
  it('carriesTheFiltersWithoutPagingOrSort', () => {
    expect(facetQuery({ tier: 'high_value', q: '  甲 ', owner: undefined })).toBe('?tier=high_value&q=%E7%94%B2');
    expect(facetQuery({})).toBe('');
  });
});
