import { describe, expect, it } from 'vitest';
import { overrideState, stateText } from './OverrideHistory';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import type { Override } from '../../api/types';

const t = (lang: 'en' | 'zh') => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);
const day = (iso: string) => iso.slice(0, 10);
const NOW = new Date('2026-12-05T08:00:00Z');
const base: Override = { id: 1, tier: 'mid', reason: 'key account', expiresAt: null, createdBy: 'analyst',
  createdAt: '2026-10-01T00:00:00Z', removedAt: null, removedBy: null, endNote: null };

describe('overrideState', () => {
  it('isInForceUntilItsExpiryOrRemoval', () => {
    expect(overrideState(base, NOW)).toEqual({ kind: 'active', until: null });
    expect(overrideState({ ...base, expiresAt: '2027-01-01T00:00:00Z' }, NOW)).toEqual({ kind: 'active', until: '2027-01-01T00:00:00Z' });
    expect(overrideState({ ...base, expiresAt: '2026-12-01T00:00:00Z' }, NOW)).toEqual({ kind: 'expired', at: '2026-12-01T00:00:00Z' });
  });

  it('countsAnOverrideThatExpiredBeforeANewOneStampedItAsExpired', () => {
    const o = { ...base, expiresAt: '2026-11-01T00:00:00Z', removedAt: '2026-11-20T00:00:00Z', removedBy: 'admin' };
    expect(overrideState(o, NOW).kind).toBe('expired');
    expect(overrideState({ ...o, expiresAt: '2026-12-31T00:00:00Z' }, NOW)).toEqual({ kind: 'removed', by: 'admin', at: '2026-11-20T00:00:00Z' });
  });

  it('showsWhyTheSystemEndedItInTheReadersLanguage', () => {
    const note = { code: 'override_tier_removed', zh: '模型 v4 已没有等级“mid”', en: "tier 'mid' no longer exists in model v4" };
    const o = { ...base, removedAt: '2026-11-02T03:00:00Z', removedBy: 'system', endNote: note };
    const s = overrideState(o, NOW);
    expect(s).toEqual({ kind: 'ended', at: '2026-11-02T03:00:00Z', note });
    expect(stateText(s, t('en'), 'en', day)).toBe("ended by the system 2026-11-02: tier 'mid' no longer exists in model v4");
    expect(stateText(s, t('zh'), 'zh', day)).toBe('系统于 2026-11-02 结束：模型 v4 已没有等级“mid”');
  });

  it('readsEveryStateInBothLanguages', () => {
    expect(stateText({ kind: 'active', until: null }, t('zh'), 'zh', day)).toBe('生效中');
    expect(stateText({ kind: 'active', until: '2027-01-01T00:00:00Z' }, t('en'), 'en', day)).toBe('in force until 2027-01-01');
    expect(stateText({ kind: 'removed', by: 'admin', at: '2026-11-20T00:00:00Z' }, t('zh'), 'zh', day)).toBe('admin 于 2026-11-20 撤销');
    expect(stateText({ kind: 'expired', at: '2026-12-01T00:00:00Z' }, t('en'), 'en', day)).toBe('expired 2026-12-01');
  });
});
