// A tier's `service:` section as a form and back, every key of README "Service playbooks" (the fixture
// core/src/test/resources/strata/playbook/every-key.yaml uses each one). Reading is forgiving (what the form cannot
// show reads as empty); writing is key by key: a key whose form value is what was read from it stays as written, as
// do keys the form does not know, so the server, not the form, judges them.
type Json = unknown;
type Obj = Record<string, Json>;
type Num = number | null;

export const CHANNELS = ['visit', 'phone', 'wechat', 'sms', 'email'] as const;
export type Channel = typeof CHANNELS[number];
export const POLICIES = ['keep', 'assign', 'pool'] as const;
export const TRIGGERS = ['enter', 'moved_down', 'dormant', 'complaint', 'nps_detractor', 'large_first_order'] as const;
export const CARE_EVENTS = ['birthday', 'anniversary', 'spring_festival', 'dragon_boat', 'mid_autumn', 'fixed'] as const;
/** Task types a trigger or care event may ask for (the pool's own warning and return are the server's). */
export const TASK_TYPES = ['follow_up', 'welcome', 'win_back', 'reactivate', 'recovery', 'thank_you', 'greeting', 'gift'] as const;
/** The task a trigger gives when the model names none (core's TaskType.defaultFor); a care event's is `greeting`. */
export const DEFAULT_TYPE: Record<string, string> = { enter: 'welcome', moved_down: 'win_back', dormant: 'reactivate',
  complaint: 'recovery', nps_detractor: 'recovery', large_first_order: 'thank_you', care: 'greeting' };
export const ESCALATION_ACTIONS = ['reassign', 'pool'] as const;
export const SURVEY_CHANNELS = ['email', 'sms', 'wechat'] as const;
/** The trigger's own threshold key (README "Service playbooks"). */
export const THRESHOLD: Record<string, string> = { dormant: 'after_days', nps_detractor: 'max_score', large_first_order: 'min_amount' };

/** A task's script or purpose in both languages; a plain string in the model reads as both. */
export interface PurposeForm { zh: string; en: string }
/** `days`: the experiment's planned duration; null for the server's default. */
export interface HoldoutForm { experiment: string; share: Num; days: Num }
/** `type`: '' for the trigger's default task type. */
export interface TriggerForm {
  trigger: string; within: Num; unit: 'days' | 'hours'; threshold: Num; channels: string[];
  type: string; purpose: PurposeForm; holdout: HoldoutForm | null;
}
/** `from`: the item's place in the section's `care:` list, null for a new one (its other keys come from there). */
export interface CareForm {
  from: number | null; event: string; id: string; date: string; leadDays: Num; channels: string[]; type: string; purpose: PurposeForm;
}
/** `scope`: `all` or a channel. */
export interface CapForm { scope: string; week: Num; month: Num }
/**
 * `service.resources`: gift value per customer per year, discount ceiling and share of rep hours (shares 0–1), and the
 * minutes a touch takes by channel (null: core's default for the channel).
 */
export interface ResourcesForm { giftValue: Num; discountCeiling: Num; repHoursShare: Num; touchMinutes: Record<Channel, Num> }
export interface PoolReturnForm { noContactDays: Num; noPurchaseDays: Num; warnDays: Num }
/** `then`: '' (only the manager is told), `reassign` or `pool`. */
export interface EscalationForm { managerAfterDays: Num; afterDays: Num; then: string }
/** `channel`: '' for the default (email). */
export interface SurveyForm { npsEveryDays: Num; csatAfterComplaint: boolean; channel: string }
export interface ServiceForm {
  policy: string; team: string[]; cap: Num; returnToPool: PoolReturnForm | null;
  cadence: { everyDays: Num; channels: string[]; purpose: PurposeForm } | null;
  triggers: TriggerForm[]; care: CareForm[]; caps: CapForm[];
  /** `HH:MM-HH:MM`, '' for none. */
  quietHours: string;
  holdout: HoldoutForm | null; survey: SurveyForm | null; escalation: EscalationForm | null;
  resources: ResourcesForm;
}

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: Json): Obj => (isObj(v) ? v : {});
const num = (v: Json): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: Json): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const texts = (v: Json): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const own = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const absent = (v: Json) => v === undefined || v === null;
/** Deep equality of plain data, key order aside. */
export function same(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => own(b, k) && same(a[k], b[k]));
  }
  return Object.is(a, b);
}
const SCOPES: readonly string[] = ['all', ...CHANNELS];

function readPurpose(v: Json): PurposeForm {
  if (typeof v === 'string') return { zh: v, en: v };
  return { zh: text(obj(v).zh), en: text(obj(v).en) };
}
function readHoldout(v: Json): HoldoutForm | null {
  return absent(v) ? null : { experiment: text(obj(v).experiment), share: num(obj(v).share), days: num(obj(v).days) };
}
function readOwner(v: Json) {
  const o = obj(v);
  const back = o.return_to_pool;
  return { policy: typeof o.policy === 'string' ? o.policy : 'keep', team: texts(o.team), cap: num(o.cap),
    returnToPool: absent(back) ? null : { noContactDays: num(obj(back).no_contact_days),
      noPurchaseDays: num(obj(back).no_purchase_days), warnDays: num(obj(back).warn_days) } };
}
function readCadence(v: Json): ServiceForm['cadence'] {
  const c = obj(v);
  return absent(v) ? null : { everyDays: num(c.every_days), channels: texts(c.channels), purpose: readPurpose(c.purpose) };
}
function readWithin(t: Obj): Pick<TriggerForm, 'within' | 'unit'> {
  const hours = t.within_hours !== undefined && t.within_days === undefined;
  return { within: num(hours ? t.within_hours : t.within_days), unit: hours ? 'hours' : 'days' };
}
function readTrigger(trigger: string, v: Json): TriggerForm {
  const t = obj(v);
  const key = THRESHOLD[trigger];
  return { trigger, ...readWithin(t), threshold: key ? num(t[key]) : null, channels: texts(t.channels),
    type: text(t.type), purpose: readPurpose(t.purpose), holdout: readHoldout(t.holdout) };
}
function readCare(v: Json, from: number): CareForm {
  const c = obj(v);
  return { from, event: text(c.event), id: text(c.id), date: text(c.date), leadDays: num(c.lead_days), channels: texts(c.channels),
    type: text(c.type), purpose: readPurpose(c.purpose) };
}
function readCap(scope: string, v: Json): CapForm {
  return { scope, week: num(obj(v).week), month: num(obj(v).month) };
}
function readSurvey(v: Json): SurveyForm | null {
  const s = obj(v);
  return absent(v) ? null : { npsEveryDays: num(s.nps_every_days), csatAfterComplaint: s.csat_after_complaint === true, channel: text(s.channel) };
}
function readEscalation(v: Json): EscalationForm | null {
  const e = obj(v);
  return absent(v) ? null : { managerAfterDays: num(e.manager_after_days), afterDays: num(e.after_days), then: text(e.then) };
}
function readTouchMinutes(v: Json): Record<Channel, Num> {
  const m = obj(v);
  return Object.fromEntries(CHANNELS.map((c) => [c, num(m[c])])) as Record<Channel, Num>;
}
function readResources(v: Json): ResourcesForm {
  const r = obj(v);
  return { giftValue: num(r.gift_value), discountCeiling: num(r.discount_ceiling), repHoursShare: num(r.rep_hours_share),
    touchMinutes: readTouchMinutes(r.touch_minutes) };
}

/** The form of a `service:` section (any value: a missing or broken section reads as an empty form). */
export function formOf(section: Json): ServiceForm {
  const s = obj(section);
  return {
    ...readOwner(s.owner),
    cadence: readCadence(s.cadence),
    triggers: Object.entries(obj(s.triggers)).filter(([k]) => (TRIGGERS as readonly string[]).includes(k))
      .map(([k, v]) => readTrigger(k, v)),
    care: Array.isArray(s.care) ? s.care.map(readCare) : [],
    caps: Object.entries(obj(s.caps)).filter(([k]) => SCOPES.includes(k)).map(([k, v]) => readCap(k, v)),
    quietHours: text(obj(s.caps).quiet_hours),
    holdout: readHoldout(s.holdout),
    survey: readSurvey(s.survey),
    escalation: readEscalation(s.escalation),
    resources: readResources(s.resources),
  };
}

/** `base` with `key` set to `value`, or without it when `value` is null, empty or undefined; key order kept. */
function put(base: Obj, key: string, value: Json): Obj {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    || (isObj(value) && Object.keys(value).length === 0);
  const entries = Object.entries(base).filter(([k]) => !(empty && k === key));
  if (empty) return Object.fromEntries(entries);
  return Object.fromEntries(own(base, key) ? entries.map(([k, v]) => [k, k === key ? value : v]) : [...entries, [key, value]]);
}

/**
 * `o` with `key` written from the form value `after`, unless `after` is what the form reads from it now: then the
 * value stays exactly as written (a plain-string purpose, a flow map, a value the form cannot read).
 */
function field<T>(o: Obj, key: string, read: (v: Json) => T, after: T, write: (after: T, before: Json) => Json): Obj {
  const before = own(o, key) ? o[key] : undefined;
  return same(read(before), after) ? o : put(o, key, write(after, before));
}
/** Keys of one map written by {@link field} in turn: key, how the form reads it, the form's value, how it is written. */
type Spec = [string, (v: Json) => unknown, unknown, (after: any, before: Json) => Json];
function patch(before: Json, specs: Spec[]): Obj {
  return specs.reduce((o, [key, read, after, write]) => field(o, key, read, after, write), obj(before));
}
const plain = <T,>(v: T): Json => v;
const positive = (v: Num): Json => v || null;

function writePurpose(p: PurposeForm): Json {
  return put(put({}, 'zh', p.zh.trim()), 'en', p.en.trim());
}
function writeHoldout(h: HoldoutForm | null, before: Json): Json {
  return h && patch(before, [['experiment', text, h.experiment.trim(), plain], ['share', num, h.share, plain],
    ['days', num, h.days, plain]]);
}

function writeTrigger(row: TriggerForm, before: Json): Json {
  let t = obj(before);
  const within = { within: row.within, unit: row.unit };
  if (!same(readWithin(t), within)) {
    t = put(t, row.unit === 'hours' ? 'within_days' : 'within_hours', null);
    t = put(t, row.unit === 'hours' ? 'within_hours' : 'within_days', row.within);
  }
  const key = THRESHOLD[row.trigger];
  return patch(key ? field(t, key, num, row.threshold, plain) : t, [
    ['channels', texts, row.channels, plain], ['type', text, row.type, plain],
    ['purpose', readPurpose, row.purpose, writePurpose], ['holdout', readHoldout, row.holdout, writeHoldout]]);
}

function writeCare(row: CareForm, list: Json[]): Json {
  const fixed = row.event === 'fixed';
  return patch(row.from === null ? undefined : list[row.from], [
    ['event', text, row.event, plain], ['id', text, fixed ? row.id : '', plain], ['date', text, fixed ? row.date : '', plain],
    ['lead_days', num, row.leadDays, plain], ['channels', texts, row.channels, plain], ['type', text, row.type, plain],
    ['purpose', readPurpose, row.purpose, writePurpose]]);
}

function writeCap(row: CapForm, before: Json): Json {
  return patch(before, [['week', num, row.week, positive], ['month', num, row.month, positive]]);
}

function writeOwner(form: ServiceForm, before: Json): Json {
  return patch(before, [
    ['policy', (v) => (typeof v === 'string' ? v : 'keep'), form.policy, plain],
    ['team', texts, form.team, plain],
    ['cap', num, form.cap, positive],
    ['return_to_pool', (v) => readOwner({ return_to_pool: v }).returnToPool, form.returnToPool, (r: PoolReturnForm | null, b) => r && patch(b, [
      ['no_contact_days', num, r.noContactDays, positive], ['no_purchase_days', num, r.noPurchaseDays, positive],
      ['warn_days', num, r.warnDays, positive]])],
  ]);
}

/** A map of named rows (triggers by name, caps by scope): unknown keys stay where they were, dropped rows go, new ones come last. */
function writeRows<R>(before: Json, known: readonly string[], rows: Map<string, R>, write: (row: R, before: Json) => Json): Obj {
  const b = obj(before);
  const kept = Object.entries(b).filter(([k]) => !known.includes(k) || rows.has(k))
    .map(([k, v]) => [k, rows.has(k) ? write(rows.get(k)!, v) : v]);
  const added = [...rows].filter(([k]) => !own(b, k)).map(([k, r]) => [k, write(r, undefined)]);
  return Object.fromEntries([...kept, ...added]);
}

/** `section` with the form's changes; an empty result means the tier has no playbook. */
export function sectionOf(form: ServiceForm, section: Json): Obj {
  const s = obj(section);
  const read = formOf(s);
  let out: Obj = { ...s };
  const owner = { policy: form.policy, team: form.team, cap: form.cap, returnToPool: form.returnToPool };
  if (!same(readOwner(s.owner), owner)) out = put(out, 'owner', writeOwner(form, s.owner));
  out = field(out, 'cadence', readCadence, form.cadence, (c: ServiceForm['cadence'], b) => c && patch(b, [
    ['every_days', num, c.everyDays, plain], ['channels', texts, c.channels, plain], ['purpose', readPurpose, c.purpose, writePurpose]]));
  if (!same(read.triggers, form.triggers)) {
    out = put(out, 'triggers', writeRows(s.triggers, TRIGGERS, new Map(form.triggers.map((r) => [r.trigger, r])), writeTrigger));
  }
  if (!same(read.care, form.care)) {
    const list = Array.isArray(s.care) ? s.care : [];
    out = put(out, 'care', form.care.map((r) => writeCare(r, list)));
  }
  if (!same(read.caps, form.caps) || read.quietHours !== form.quietHours) {
    let caps = same(read.caps, form.caps) ? obj(s.caps) : writeRows(s.caps, SCOPES, new Map(form.caps.map((r) => [r.scope, r])), writeCap);
    caps = field(caps, 'quiet_hours', text, form.quietHours.trim(), plain);
    out = put(out, 'caps', caps);
  }
  out = field(out, 'holdout', readHoldout, form.holdout, writeHoldout);
  out = field(out, 'survey', readSurvey, form.survey, (v: SurveyForm | null, b) => v && patch(b, [
    ['nps_every_days', num, v.npsEveryDays, positive], ['csat_after_complaint', (x) => x === true, v.csatAfterComplaint, (x) => x || null],
    ['channel', text, v.channel, plain]]));
  out = field(out, 'resources', readResources, form.resources, (r: ResourcesForm, b) => patch(b, [
    ['gift_value', num, r.giftValue, plain], ['discount_ceiling', num, r.discountCeiling, plain],
    ['rep_hours_share', num, r.repHoursShare, plain],
    ['touch_minutes', readTouchMinutes, r.touchMinutes, (m: Record<Channel, Num>, b) => patch(b, CHANNELS.map((c): Spec =>
      [c, num, m[c], positive]))]]));
  return field(out, 'escalation', readEscalation, form.escalation, (e: EscalationForm | null, b) => e && patch(b, [
    ['manager_after_days', num, e.managerAfterDays, positive], ['after_days', num, e.afterDays, positive], ['then', text, e.then, plain]]));
}

export type Area = 'owner' | 'pool' | 'cadence' | 'triggers' | 'care' | 'caps' | 'quiet' | 'holdout' | 'survey' | 'escalation' | 'resources' | 'other';
const AREAS: Record<string, Area> = { 'owner.return_to_pool': 'pool', 'caps.quiet_hours': 'quiet' };

/**
 * Where a server error about this playbook belongs in the form, from its key (`service.triggers.enter.channels`,
 * `service.care[1].event`, `service.caps.sms`, `service.owner.return_to_pool.warn_days`): the area and, for rows, the
 * trigger, care index or cap scope.
 */
export function errorPlace(key: string): { area: Area; row?: string } {
  const m = /^service\.(owner\.return_to_pool|caps\.quiet_hours|owner|cadence|triggers|care|caps|holdout|survey|escalation|resources)(?![a-z_])(?:\[(\d+)\]|\.([a-z_]+))?/.exec(key);
  if (!m) return { area: 'other' };
  const area = AREAS[m[1]] ?? m[1] as Area;
  const row = area === 'care' ? m[2] : area === 'triggers' || area === 'caps' ? m[3] : undefined;
  return row === undefined ? { area } : { area, row };
}
