import { describe, expect, it } from 'vitest';
import { mergedNotice } from './MergedNotice';
import { fill, messages, type MessageKey } from '../../i18n/messages';

const t = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);

describe('mergedNotice', () => {
  it('linksToTheSurvivorInBothLanguages', () => {
    const m = { into: 'C 01/2', name: '星辰', applied: true };
    expect(mergedNotice(m, t('en'))).toEqual({ lead: 'Merged into', link: { to: '/customers/C%2001%2F2', label: '星辰 (C 01/2)' },
      detail: messages.en['merged.applied'] });
    expect(mergedNotice(m, t('zh')).lead).toBe('已合并到');
    expect(mergedNotice(m, t('zh')).detail).toContain('没有自己的等级');
  });

  it('namesNoSurvivorTheViewerMayNotSee', () => {
    const n = mergedNotice({ into: null, name: null, applied: true }, t('en'));
    expect(n.link).toBeNull();
    expect(n.lead).toBe('Merged into another customer, who is not among the customers you can see.');
  });

  it('saysAPendingMergeTakesEffectAtTheNextRun', () => {
    expect(mergedNotice({ into: 'A', name: null, applied: false }, t('en'))).toMatchObject({
      link: { label: 'A' }, detail: messages.en['merged.pending'] });
    expect(mergedNotice({ into: 'A', name: null, applied: false }, t('zh')).detail).toContain('下一次运行');
  });
});
