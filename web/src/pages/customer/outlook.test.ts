import { describe, expect, it } from 'vitest';
import { careKey } from './ServiceOutlook';
import { messages } from '../../i18n/messages';

describe('careKey', () => {
  it('namesKnownEventsInBothLanguagesAndLeavesFixedIdsAsWritten', () => {
    expect(careKey('mid_autumn')).toBe('care.mid_autumn');
    expect(messages.zh[careKey('mid_autumn')!]).toBe('中秋节');
    expect(messages.en[careKey('birthday')!]).toBe('Birthday');
    expect(careKey('company_day')).toBeNull();
  });
});
