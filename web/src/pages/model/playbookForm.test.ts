import { describe, expect, it } from 'vitest';
import { errorPlace, formOf, sectionOf, type ServiceForm } from './playbookForm';

// The default model's high_value playbook (core/src/main/resources/strata/tier/default-model.yaml), copied by hand.
const HIGH_VALUE = {
  owner: { policy: 'keep' },
  cadence: { every_days: 30, channels: ['visit', 'phone'], purpose: { zh: '月度拜访，了解需求与满意度', en: 'Monthly visit to hear their needs and satisfaction' } },
  triggers: {
    enter: { within_days: 3, channels: ['phone', 'visit'], purpose: { zh: '升级致电，介绍专属客户经理', en: 'Upgrade call introducing their dedicated manager' } },
    complaint: { within_hours: 48, channels: ['phone', 'visit'], purpose: { zh: '48 小时内服务补救', en: 'Service recovery within 48 hours' } },
    nps_detractor: { max_score: 6, within_hours: 48, channels: ['phone'], purpose: { zh: '回访低分原因', en: 'Call back about the low score' } },
  },
  care: [
    { event: 'birthday', lead_days: 1, channels: ['wechat', 'sms', 'phone'] },
    { event: 'anniversary', lead_days: 0, channels: ['wechat', 'email'] },
    { event: 'spring_festival', lead_days: 10, type: 'gift', channels: ['visit'], purpose: { zh: '春节礼品', en: 'Spring Festival gift' } },
    { event: 'mid_autumn', lead_days: 10, type: 'gift', channels: ['visit'], purpose: { zh: '中秋礼品', en: 'Mid-Autumn gift' } },
  ],
  caps: { all: { week: 2, month: 6 }, sms: { month: 2 }, quiet_hours: '21:00-08:00' },
  resources: { gift_value: 2000, discount_ceiling: 0.15, rep_hours_share: 0.5 },
};

const P = (zh: string, en: string) => ({ zh, en });
const NO_PURPOSE = P('', '');
const NO_MINUTES = { visit: null, phone: null, wechat: null, sms: null, email: null };
const HIGH_VALUE_FORM: ServiceForm = {
  policy: 'keep', team: [], cap: null, returnToPool: null,
  cadence: { everyDays: 30, channels: ['visit', 'phone'], purpose: P('月度拜访，了解需求与满意度', 'Monthly visit to hear their needs and satisfaction') },
  triggers: [
    { trigger: 'enter', within: 3, unit: 'days', threshold: null, channels: ['phone', 'visit'], type: '',
      purpose: P('升级致电，介绍专属客户经理', 'Upgrade call introducing their dedicated manager'), holdout: null },
    { trigger: 'complaint', within: 48, unit: 'hours', threshold: null, channels: ['phone', 'visit'], type: '',
      purpose: P('48 小时内服务补救', 'Service recovery within 48 hours'), holdout: null },
    { trigger: 'nps_detractor', within: 48, unit: 'hours', threshold: 6, channels: ['phone'], type: '',
      purpose: P('回访低分原因', 'Call back about the low score'), holdout: null },
  ],
  care: [
    { from: 0, event: 'birthday', id: '', date: '', leadDays: 1, channels: ['wechat', 'sms', 'phone'], type: '', purpose: NO_PURPOSE },
    { from: 1, event: 'anniversary', id: '', date: '', leadDays: 0, channels: ['wechat', 'email'], type: '', purpose: NO_PURPOSE },
    { from: 2, event: 'spring_festival', id: '', date: '', leadDays: 10, channels: ['visit'], type: 'gift', purpose: P('春节礼品', 'Spring Festival gift') },
    { from: 3, event: 'mid_autumn', id: '', date: '', leadDays: 10, channels: ['visit'], type: 'gift', purpose: P('中秋礼品', 'Mid-Autumn gift') },
  ],
  caps: [{ scope: 'all', week: 2, month: 6 }, { scope: 'sms', week: null, month: 2 }],
  quietHours: '21:00-08:00', holdout: null, survey: null, escalation: null,
  resources: { giftValue: 2000, discountCeiling: 0.15, repHoursShare: 0.5, touchMinutes: NO_MINUTES },
};

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('formOf', () => {
  it('readsTheDefaultHighValuePlaybook', () => {
    expect(formOf(HIGH_VALUE)).toEqual(HIGH_VALUE_FORM);
  });

  it('readsNothingFromWhatIsNotAPlaybook', () => {
    const empty: ServiceForm = { policy: 'keep', team: [], cap: null, returnToPool: null, cadence: null, triggers: [], care: [],
      caps: [], quietHours: '', holdout: null, survey: null, escalation: null,
      resources: { giftValue: null, discountCeiling: null, repHoursShare: null, touchMinutes: NO_MINUTES } };
    for (const junk of [null, undefined, 'text', 42, [1, 2], {}]) expect(formOf(junk)).toEqual(empty);
    expect(formOf({ owner: 'x', cadence: 5, triggers: [1], care: 'x', caps: { all: 'x', fax: { week: 1 } } })).toEqual({
      ...empty, cadence: { everyDays: null, channels: [], purpose: NO_PURPOSE }, caps: [{ scope: 'all', week: null, month: null }],
    });
  });
});

describe('sectionOf', () => {
  it('writesAnUntouchedFormBackAsItWas', () => {
    expect(sectionOf(formOf(HIGH_VALUE), HIGH_VALUE)).toEqual(HIGH_VALUE);
    const odd = { cadence: { every_days: 'abc', channels: 'phone' }, triggers: { enter: [] }, care: [7], holdout: { share: 0.1 } };
    expect(sectionOf(formOf(odd), odd)).toEqual(odd);
  });

  it('changesOnlyTheEditedValueAndKeepsKeysTheFormDoesNotShow', () => {
    const section = { ...clone(HIGH_VALUE), survey: { nps_every_days: 90 }, escalation: { manager_after_days: 3 } };
    const form = formOf(section);
    form.cadence!.everyDays = 14;
    form.triggers[1] = { ...form.triggers[1], within: 2, unit: 'days' };
    form.care[2] = { ...form.care[2], leadDays: 7 };
    const expected = clone(section);
    expected.cadence.every_days = 14;
    expected.triggers.complaint = { channels: ['phone', 'visit'], purpose: HIGH_VALUE.triggers.complaint.purpose, within_days: 2 } as never;
    expected.care[2].lead_days = 7;
    expect(sectionOf(form, section)).toEqual(expected);
  });

  it('addsAndRemovesRowsKeepingUnknownTriggersAndQuietHours', () => {
    const section = { triggers: { birthday_call: { within_days: 1 }, enter: { within_days: 3, channels: ['phone'] } },
      caps: { all: { week: 2 }, sms: { month: 2 }, quiet_hours: '21:00-08:00' } };
    const form = formOf(section);
    form.triggers = [{ trigger: 'dormant', within: 7, unit: 'days', threshold: 60, channels: ['phone'], type: '', purpose: NO_PURPOSE, holdout: null }];
    form.caps = [{ scope: 'all', week: 2, month: null }, { scope: 'phone', week: 1, month: 0 }];
    form.care = [{ from: null, event: 'fixed', id: 'company_day', date: '05-20', leadDays: null, channels: ['email'], type: '', purpose: NO_PURPOSE }];
    form.policy = 'assign';
    form.team = ['王磊', '李娜'];
    expect(sectionOf(form, section)).toEqual({
      triggers: { birthday_call: { within_days: 1 }, dormant: { within_days: 7, after_days: 60, channels: ['phone'] } },
      caps: { all: { week: 2 }, quiet_hours: '21:00-08:00', phone: { week: 1 } },
      care: [{ event: 'fixed', id: 'company_day', date: '05-20', channels: ['email'] }],
      owner: { policy: 'assign', team: ['王磊', '李娜'] },
    });
  });

  it('writesTheKeysUsersHadToWriteAsYaml', () => {
    const section = { owner: { policy: 'keep' }, caps: { all: { week: 1 } },
      triggers: { enter: { within_days: 3, channels: ['phone'], purpose: '欢迎来电' } } };
    const form = formOf(section);
    expect(form.triggers[0].purpose).toEqual(P('欢迎来电', '欢迎来电'));
    form.returnToPool = { noContactDays: 30, noPurchaseDays: null, warnDays: 5 };
    form.quietHours = '21:30-08:00';
    form.escalation = { managerAfterDays: 2, afterDays: 7, then: 'pool' };
    form.triggers[0] = { ...form.triggers[0], type: 'win_back', purpose: P('欢迎来电', 'Welcome call') };
    form.survey = { npsEveryDays: 90, csatAfterComplaint: true, channel: '' };
    form.holdout = { experiment: 'care_2027', share: 0.1, days: 120 };
    expect(sectionOf(form, section)).toEqual({
      owner: { policy: 'keep', return_to_pool: { no_contact_days: 30, warn_days: 5 } },
      caps: { all: { week: 1 }, quiet_hours: '21:30-08:00' },
      triggers: { enter: { within_days: 3, channels: ['phone'], purpose: { zh: '欢迎来电', en: 'Welcome call' }, type: 'win_back' } },
      escalation: { manager_after_days: 2, after_days: 7, then: 'pool' },
      survey: { nps_every_days: 90, csat_after_complaint: true },
      holdout: { experiment: 'care_2027', share: 0.1, days: 120 },
    });
  });

  it('clearsTheKeysItWrote', () => {
    const section = { owner: { policy: 'keep', return_to_pool: { no_contact_days: 30, warn_days: 5 } },
      caps: { quiet_hours: '21:00-08:00' }, escalation: { manager_after_days: 2 }, survey: { nps_every_days: 90, channel: 'sms' },
      triggers: { enter: { within_days: 3, channels: ['phone'], type: 'welcome', purpose: { zh: '致电', en: 'Call' },
        holdout: { experiment: 'w', share: 0.2 } } } };
    const form = formOf(section);
    form.returnToPool = null;
    form.quietHours = ' ';
    form.escalation = null;
    form.survey = { ...form.survey!, channel: '' };
    form.triggers[0] = { ...form.triggers[0], type: '', purpose: P('', ''), holdout: null };
    expect(sectionOf(form, section)).toEqual({ owner: { policy: 'keep' }, survey: { nps_every_days: 90 },
      triggers: { enter: { within_days: 3, channels: ['phone'] } } });
  });

  it('keepsAValueItCannotReadWhenAnotherKeyBesideItChanges', () => {
    const section = { triggers: { enter: { within_days: 3, channels: 'phone', type: 42 } }, escalation: { after_days: 'x', then: 'pool' } };
    const form = formOf(section);
    form.triggers[0] = { ...form.triggers[0], within: 5 };
    form.escalation = { ...form.escalation!, managerAfterDays: 2 };
    expect(sectionOf(form, section)).toEqual({ triggers: { enter: { within_days: 5, channels: 'phone', type: 42 } },
      escalation: { after_days: 'x', then: 'pool', manager_after_days: 2 } });
  });

  it('dropsASectionTheFormEmptied', () => {
    const form = formOf({ cadence: { every_days: 30, channels: ['phone'] } });
    form.cadence = null;
    expect(sectionOf(form, { cadence: { every_days: 30, channels: ['phone'] } })).toEqual({});
  });

  it('keepsAHostileProtoKeyAsDataWithoutPollutingObjects', () => {
    const section = JSON.parse('{"__proto__": {"polluted": 1}, "caps": {"__proto__": {"week": 1}, "all": {"week": 2}}}');
    const form = formOf(section);
    form.caps = [{ scope: 'all', week: 3, month: null }];
    const out = sectionOf(form, section);
    expect(Object.keys(out)).toEqual(['__proto__', 'caps']);
    expect(Object.keys(out.caps as object)).toEqual(['__proto__', 'all']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((out.caps as Record<string, unknown>).all).toEqual({ week: 3 });
  });
});

describe('errorPlace', () => {
  it('findsTheFieldOfAServerError', () => {
    expect(errorPlace('service.cadence.every_days')).toEqual({ area: 'cadence' });
    expect(errorPlace('service.triggers.enter.channels')).toEqual({ area: 'triggers', row: 'enter' });
    expect(errorPlace('service.care[1].event')).toEqual({ area: 'care', row: '1' });
    expect(errorPlace('service.caps.sms')).toEqual({ area: 'caps', row: 'sms' });
    expect(errorPlace('service.owner.return_to_pool.warn_days')).toEqual({ area: 'pool' });
    expect(errorPlace('service.owner.team')).toEqual({ area: 'owner' });
    expect(errorPlace('service.caps.quiet_hours')).toEqual({ area: 'quiet' });
    expect(errorPlace('service.triggers.enter.holdout.share')).toEqual({ area: 'triggers', row: 'enter' });
    expect(errorPlace('service.holdout.share')).toEqual({ area: 'holdout' });
    expect(errorPlace('service.survey')).toEqual({ area: 'survey' });
    expect(errorPlace('service.escalation.then')).toEqual({ area: 'escalation' });
    expect(errorPlace('service.ownerx')).toEqual({ area: 'other' });
    expect(errorPlace('service.resources.rep_hours_share')).toEqual({ area: 'resources' });
    expect(errorPlace('service.resourcesx')).toEqual({ area: 'other' });
    expect(errorPlace('service')).toEqual({ area: 'other' });
  });
});

describe('resources', () => {
  it('writesOnlyTheBudgetLinesEditedAndDropsAnEmptySection', () => {
    const section = { cadence: { every_days: 30, channels: ['phone'] }, resources: { gift_value: 800, note: 'kept' } };
    const form = formOf(section);
    expect(form.resources).toEqual({ giftValue: 800, discountCeiling: null, repHoursShare: null, touchMinutes: NO_MINUTES });
    const out = sectionOf({ ...form, resources: { ...form.resources, repHoursShare: 0.4 } }, section);
    expect(out.resources).toEqual({ gift_value: 800, note: 'kept', rep_hours_share: 0.4 });
    expect(out.cadence).toBe(section.cadence); // untouched
    const cleared = sectionOf({ ...formOf({ resources: { gift_value: 800 } }),
      resources: { giftValue: null, discountCeiling: null, repHoursShare: null, touchMinutes: NO_MINUTES } },
    { resources: { gift_value: 800 } });
    expect(cleared).toEqual({});
  });

  it('writesTouchMinutesOfTheChannelsSetAndKeepsWhatItCannotRead', () => {
    const section = { resources: { touch_minutes: { visit: 120, fax: 3 } } };
    const form = formOf(section);
    expect(form.resources.touchMinutes).toEqual({ ...NO_MINUTES, visit: 120 });
    // A call set to 20, the visit cleared (back to the default): only the call is written, the unknown key stays for
    // the server to name.
    const out = sectionOf({ ...form, resources: { ...form.resources,
      touchMinutes: { ...form.resources.touchMinutes, visit: null, phone: 20 } } }, section);
    expect(out.resources).toEqual({ touch_minutes: { fax: 3, phone: 20 } });
    const none = sectionOf({ ...formOf({}), resources: { ...formOf({}).resources,
      touchMinutes: { ...NO_MINUTES, email: 0 } } }, {});
    expect(none).toEqual({}); // 0 is no setting: the default
  });
});

