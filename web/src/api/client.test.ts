import { describe, expect, it } from 'vitest';
import { fileNameOf } from './client';

describe('fileNameOf', () => {
  it('prefersTheUtf8FormForChineseNames', () => {
    expect(fileNameOf(`attachment; filename="customers.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv`)).toBe('客户.csv');
  });

  it('readsThePlainForm', () => {
    expect(fileNameOf('attachment; filename="customers.xlsx"')).toBe('customers.xlsx');
    expect(fileNameOf('attachment; filename=rejected.csv')).toBe('rejected.csv');
  });

  it('isNullWithoutAHeader', () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
