import { describe, expect, it } from 'vitest';
import { chooseLang, labelOf } from './locale';

describe('chooseLang', () => {
  it('keepsTheUsersStoredChoice', () => {
    expect(chooseLang('en', 'zh-CN')).toBe('en');
    expect(chooseLang('zh', 'en-US')).toBe('zh');
  });

  it('speaksChineseWhenTheBrowserAsksForAnyChinese', () => {
    expect(chooseLang(null, 'zh-CN')).toBe('zh');
    expect(chooseLang(null, 'zh-TW')).toBe('zh');
    expect(chooseLang(undefined, 'ZH')).toBe('zh');
  });

  it('speaksEnglishOtherwiseOrWhenTheStoredValueIsUnknown', () => {
    expect(chooseLang(null, 'de-DE')).toBe('en');
    expect(chooseLang('fr', 'en-GB')).toBe('en');
    expect(chooseLang(null, undefined)).toBe('en');
  });
});

describe('labelOf', () => {
  it('picksTheLanguageAndFallsBack', () => {
    expect(labelOf({ zh: '高价值客户', en: 'High value' }, 'zh')).toBe('高价值客户');
    expect(labelOf({ zh: '高价值客户', en: '' }, 'en')).toBe('高价值客户');
    expect(labelOf(null, 'en', 'high_value')).toBe('high_value');
  });
});
