import { describe, expect, it } from 'vitest';
import { messages } from '../../i18n/messages';
import { actionPath, decisionsFor, reasonKey } from './duplicates';

describe('duplicate pairs', () => {
  it('offers accept and reject while pending, only undo once decided', () => {
    expect(decisionsFor('pending')).toEqual(['accepted', 'rejected']);
    expect(decisionsFor('accepted')).toEqual(['pending']);
    expect(decisionsFor('rejected')).toEqual(['pending']);
  });

  it('posts each decision to its own endpoint', () => {
    expect(actionPath(7, 'accepted')).toBe('/duplicates/7/accept');
    expect(actionPath(7, 'rejected')).toBe('/duplicates/7/reject');
    expect(actionPath(7, 'pending')).toBe('/duplicates/7/undo');
  });

  it('translates every reason code the server sends and leaves an unknown one as it came', () => {
    for (const code of ['same_id_ignoring_case', 'same_email', 'same_phone', 'same_name']) {
      const key = reasonKey(code, messages.en);
      expect(key).not.toBeNull();
      expect(messages.zh[key!]).not.toBe(messages.en[key!]);
    }
    expect(reasonKey('same_fax', messages.en)).toBeNull();
  });
});
