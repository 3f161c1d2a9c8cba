import { describe, expect, it } from 'vitest';
import { reason } from './ProductPreference';
import { fill, messages, type MessageKey } from '../../i18n/messages';

const t = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);
const num = (n: number, digits?: number) => n.toFixed(digits ?? 0);
const next = { item: '墨盒', because: '纸', lift: 1.25, customers: 3 };

describe('reason', () => {
  it('saysWhyInPlainWordsInBothLanguages', () => {
    expect(reason(next, t('en'), num))
      .toBe('Customers who buy 纸 also buy 墨盒: 1.3 times as often as customers overall. 3 customers bought both.');
    expect(reason(next, t('zh'), num)).toBe('买纸的客户也买墨盒：购买比例是全体客户的 1.3 倍。共有 3 位客户两者都买过。');
  });

  it('leavesOutTheCountASalesUserDoesNotGet', () => {
    expect(reason({ ...next, customers: null }, t('en'), num)).not.toContain('bought both');
  });
});
