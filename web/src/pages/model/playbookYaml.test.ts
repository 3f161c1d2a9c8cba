import { describe, expect, it } from 'vitest';
import DEFAULT_MODEL from '../../../../core/src/main/resources/strata/tier/default-model.yaml?raw';
import { formOf, sectionOf } from './playbookForm';
import { readService, writeService } from './playbookYaml';

const section = (text: string, index: number) => {
  const read = readService(text, index);
  if (!read.ok) throw new Error(read.reason);
  return read.section as Record<string, unknown>;
};

describe('readService', () => {
  it('readsTheDefaultAtRiskPlaybook', () => {
    // Copied by hand from default-model.yaml.
    expect(section(DEFAULT_MODEL, 1)).toEqual({
      owner: { policy: 'keep' },
      cadence: { every_days: 21, channels: ['phone', 'wechat'], purpose: { zh: '持续跟进挽回', en: 'Keep in touch to win them back' } },
      triggers: {
        moved_down: { within_days: 7, channels: ['phone', 'visit'], purpose: { zh: '7 天内挽回来电，了解流失原因', en: 'Win-back call within 7 days; ask why they stopped' } },
        enter: { within_days: 7, channels: ['phone', 'wechat'], purpose: { zh: '挽回来电', en: 'Win-back call' } },
        complaint: { within_hours: 48, channels: ['phone'], purpose: { zh: '48 小时内服务补救', en: 'Service recovery within 48 hours' } },
        nps_detractor: { within_hours: 48, channels: ['phone'], purpose: { zh: '回访低分原因', en: 'Call back about the low score' } },
      },
      care: [{ event: 'birthday', lead_days: 1, channels: ['wechat', 'sms'] }],
      caps: { all: { week: 1, month: 3 }, quiet_hours: '21:00-08:00' },
      resources: { gift_value: 500, discount_ceiling: 0.2, rep_hours_share: 0.25 },
    });
  });

  it('saysWhyItCannotRead', () => {
    expect(readService('tiers: [\n', 0)).toEqual({ ok: false, reason: 'yaml' });
    expect(readService('tiers:\n  - id: a\n    id: b\n', 0)).toEqual({ ok: false, reason: 'yaml' }); // duplicate key
    expect(readService(DEFAULT_MODEL, 4)).toEqual({ ok: false, reason: 'no_tier' });
    expect(readService(DEFAULT_MODEL, -1)).toEqual({ ok: false, reason: 'no_tier' });
    expect(readService('tiers: 3\n', 0)).toEqual({ ok: false, reason: 'no_tier' });
    expect(readService('tiers:\n  - id: a\n    when: true\n', 0)).toEqual({ ok: true, section: null });
    // A billion laughs: ten aliases of ten aliases … expanded would be 10^9 strings; refused, not expanded.
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
      .concat('bcdefghi'.split('').map((l, i) => `${l}: &${l} [${Array(10).fill('*' + 'abcdefghi'[i]).join(',')}]`))
      .concat('tiers: [*i]').join('\n');
    expect(readService(bomb, 0).ok).toBe(false);
  });
});

describe('writeService', () => {
  it('roundTripsEveryDefaultPlaybookToTheSameText', () => {
    for (let i = 0; i < 4; i++) {
      const s = section(DEFAULT_MODEL, i);
      expect(writeService(DEFAULT_MODEL, i, sectionOf(formOf(s), s))).toBe(DEFAULT_MODEL);
    }
  });

  it('changesOnlyTheLineOfTheEditedValue', () => {
    const s = section(DEFAULT_MODEL, 1);
    const form = formOf(s);
    form.cadence!.everyDays = 14;
    form.caps[0] = { scope: 'all', week: 2, month: 3 };
    const after = writeService(DEFAULT_MODEL, 1, sectionOf(form, s)).split('\n');
    const before = DEFAULT_MODEL.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.map((line, n) => [line, after[n]]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['      cadence: {every_days: 21, channels: [phone, wechat], purpose: {zh: 持续跟进挽回, en: Keep in touch to win them back}}',
        '      cadence: {every_days: 14, channels: [phone, wechat], purpose: {zh: 持续跟进挽回, en: Keep in touch to win them back}}'],
      ['      caps: {all: {week: 1, month: 3}, quiet_hours: "21:00-08:00"}',
        '      caps: {all: {week: 2, month: 3}, quiet_hours: "21:00-08:00"}'],
    ]);
  });

  it('addsAPlaybookToATierWithoutOneAndRemovesAnEmptyOne', () => {
    const model = '# mine\ntiers:\n  - id: all\n    when: true # everyone\n';
    const added = writeService(model, 0, { cadence: { every_days: 30, channels: ['phone'] }, caps: { all: { week: 1 } } });
    expect(added).toBe('# mine\ntiers:\n  - id: all\n    when: true # everyone\n    service:\n'
      + '      cadence: {every_days: 30, channels: [phone]}\n      caps: {all: {week: 1}}\n');
    expect(writeService(added, 0, {})).toBe(model);
  });

  it('replacesASectionThatIsNotAMap', () => {
    const model = 'tiers:\n  - id: all\n    when: true\n    service: 5\n';
    expect(writeService(model, 0, { cadence: { every_days: 30, channels: ['phone'] } }))
      .toBe('tiers:\n  - id: all\n    when: true\n    service:\n      cadence: {every_days: 30, channels: [phone]}\n');
  });

  it('quotesTextThatYamlWouldReadAsSomethingElse', () => {
    const model = 'tiers:\n  - id: all\n    when: true\n';
    const written = writeService(model, 0, { owner: { policy: 'assign', team: ['yes', '1e3', 'a: b', '王磊'] } });
    expect((section(written, 0).owner as { team: unknown }).team).toEqual(['yes', '1e3', 'a: b', '王磊']);
  });

  it('leavesTextItCannotReadAsItIs', () => {
    expect(writeService('tiers: [\n', 0, { cadence: { every_days: 1 } })).toBe('tiers: [\n');
    expect(writeService(DEFAULT_MODEL, 9, { cadence: { every_days: 1 } })).toBe(DEFAULT_MODEL);
  });
});
