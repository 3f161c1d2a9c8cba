import { describe, expect, it } from 'vitest';
import { fromHere, originOf } from './origin';

describe('originOf', () => {
  it('leadsBackToTheFilteredListTheUserCameFrom', () => {
    const state = fromHere({ pathname: '/customers', search: '?tier=high_value&owner=%E6%9D%8E%E5%A8%9C&page=2' });
    expect(originOf(state, '/customers')).toEqual({ to: '/customers?tier=high_value&owner=%E6%9D%8E%E5%A8%9C&page=2', label: 'nav.customers' });
    expect(originOf({ from: '/pool?q=C1' }, '/customers')).toEqual({ to: '/pool?q=C1', label: 'nav.pool' });
    expect(originOf({ from: '/' }, '/customers')).toEqual({ to: '/', label: 'nav.dashboard' });
  });

  it('namesTheDetailPageItCameFrom', () => {
    // An experiment opened from a customer's notice, a customer opened from a merged one's.
    expect(originOf({ from: '/customers/C%2F7' }, '/experiments')).toEqual({ to: '/customers/C%2F7', label: 'crumb.customer', vars: { id: 'C/7' } });
    expect(originOf({ from: '/experiments/winback' }, '/customers')).toEqual({ to: '/experiments/winback', label: 'crumb.experiment', vars: { id: 'winback' } });
  });

  it('fallsBackToTheOwnListWithoutAUsableOrigin', () => {
    expect(originOf(null, '/customers')).toEqual({ to: '/customers', label: 'nav.customers' });
    expect(originOf({ from: 42 }, '/experiments')).toEqual({ to: '/experiments', label: 'nav.experiments' });
    expect(originOf({ from: '//evil.example/customers' }, '/customers').to).toBe('/customers');
    expect(originOf({ from: 'https://evil.example/' }, '/customers').to).toBe('/customers');
    expect(originOf({ from: '/signin' }, '/customers').to).toBe('/customers');
    expect(originOf({ from: '/customers/%E0%A4' }, '/customers').to).toBe('/customers');
  });
});
