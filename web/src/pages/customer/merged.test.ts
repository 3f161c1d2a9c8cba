import { describe, expect, it } from 'vitest';
import { mergedFromNotice, mergedNotice } from './MergedNotice';
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

  it('listsTheRecordsASurvivorCountsAndHowManyAreHidden', () => {
    const n = mergedFromNotice({ ids: [{ id: 'M 2', name: '合二' }, { id: 'M3', name: null }], hidden: 2 }, t('zh'));
    expect(n.lead).toBe('同时计入以下记录');
    expect(n.links).toEqual([{ to: '/customers/M%202', label: '合二 (M 2)' }, { to: '/customers/M3', label: 'M3' }]);
    expect(n.more).toBe('另有 2 条您无权查看');
    expect(mergedFromNotice({ ids: [{ id: 'A', name: null }], hidden: 0 }, t('en')).more).toBeNull();
    expect(mergedFromNotice({ ids: [], hidden: 1 }, t('en'))).toMatchObject({ lead: 'Also counts merged records you may not see: 1', links: [], more: null });
  });
});
