import { describe, expect, it } from 'vitest';
import { clusterText, reasonText, type ClusterProfile } from './ChurnCard';
import { fill, messages, type MessageKey } from '../../i18n/messages';

describe('churn reasons', () => {
  const names: Record<string, string> = { recency_days: '最近购买距今天数', complaints: '投诉' };
  it('lists names in the order given, with each language\'s separator', () => {
    expect(reasonText(['recency_days', 'complaints'], (c) => names[c], 'zh')).toBe('最近购买距今天数、投诉');
    expect(reasonText(['recency_days', 'complaints'], (c) => c, 'en')).toBe('recency_days, complaints');
  });
});

describe('cluster description', () => {
  const profile: ClusterProfile = {
    id: 2, frequency: 'high', order_size: 'low', recency: 'low', recency_days: 12, purchase_days: 9, avg_order_value: 80,
  };
  const t = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);
  it('reads as core names the cluster in customers.csv, in each language', () => {
    // core labels: cluster.describe "{0} {1}, {2}" / "{0}{1}、{2}" with frequent/高频, small orders/小额, recent/近期活跃
    expect(clusterText(profile, t('en'))).toBe('#2: frequent small orders, recent');
    expect(clusterText(profile, t('zh'))).toBe('#2：高频小额、近期活跃');
  });
  it('gives nothing for a code it does not know, rather than a raw key', () => {
    expect(clusterText({ ...profile, recency: 'ancient' }, t('en'))).toBeNull();
  });
});
