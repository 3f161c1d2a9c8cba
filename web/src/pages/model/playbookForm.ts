// A tier's `service:` section as a form and back. Reading is forgiving (what the form cannot show reads as empty);
// writing changes only what the form changed: an untouched part, unknown keys (purpose, holdout, survey, …) and values
// the form cannot read are written back as they were, so the server, not the form, judges them.
type Json = unknown;
type Obj = Record<string, Json>;
type Num = number | null;

export const CHANNELS = ['visit', 'phone', 'wechat', 'sms', 'email'] as const;
export const POLICIES = ['keep', 'assign', 'pool'] as const;
export const TRIGGERS = ['enter', 'moved_down', 'dormant', 'complaint', 'nps_detractor', 'large_first_order'] as const;
export const CARE_EVENTS = ['birthday', 'anniversary', 'spring_festival', 'dragon_boat', 'mid_autumn', 'fixed'] as const;
/** The trigger's own threshold key (README "Service playbooks"). */
export const THRESHOLD: Record<string, string> = { dormant: 'after_days', nps_detractor: 'max_score', large_first_order: 'min_amount' };

export interface TriggerForm { trigger: string; within: Num; unit: 'days' | 'hours'; threshold: Num; channels: string[] }
/** `from`: the item's place in the section's `care:` list, null for a new one (its other keys come from there). */
export interface CareForm { from: number | null; event: string; id: string; date: string; leadDays: Num; channels: string[] }
/** `scope`: `all` or a channel. */
export interface CapForm { scope: string; week: Num; month: Num }
/** `service.resources`: gift value per customer per year, discount ceiling and share of rep hours (shares 0–1). */
export interface ResourcesForm { giftValue: Num; discountCeiling: Num; repHoursShare: Num }
export interface ServiceForm {
  policy: string; team: string[]; cap: Num;
  cadence: { everyDays: Num; channels: string[] } | null;
  triggers: TriggerForm[]; care: CareForm[]; caps: CapForm[]; resources: ResourcesForm;
}

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: Json): Obj => (isObj(v) ? v : {});
const num = (v: Json): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: Json): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const texts = (v: Json): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const own = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
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

function readOwner(v: Json) {
  const o = obj(v);
  return { policy: typeof o.policy === 'string' ? o.policy : 'keep', team: texts(o.team), cap: num(o.cap) };
}
function readCadence(v: Json): ServiceForm['cadence'] {
  return v === undefined || v === null ? null : { everyDays: num(obj(v).every_days), channels: texts(obj(v).channels) };
}
function readTrigger(trigger: string, v: Json): TriggerForm {
  const t = obj(v);
  const hours = t.within_hours !== undefined && t.within_days === undefined;
  const key = THRESHOLD[trigger];
  return { trigger, within: num(hours ? t.within_hours : t.within_days), unit: hours ? 'hours' : 'days',
    threshold: key ? num(t[key]) : null, channels: texts(t.channels) };
}
function readCare(v: Json, from: number): CareForm {
  const c = obj(v);
  return { from, event: text(c.event), id: text(c.id), date: text(c.date), leadDays: num(c.lead_days), channels: texts(c.channels) };
}
function readCap(scope: string, v: Json): CapForm {
  return { scope, week: num(obj(v).week), month: num(obj(v).month) };
}
function readResources(v: Json): ResourcesForm {
  const r = obj(v);
  return { giftValue: num(r.gift_value), discountCeiling: num(r.discount_ceiling), repHoursShare: num(r.rep_hours_share) };
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
    resources: readResources(s.resources),
  };
}

/** `base` with `key` set to `value`, or without it when `value` is null, empty or undefined; key order kept. */
function put(base: Obj, key: string, value: Json): Obj {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  const entries = Object.entries(base).filter(([k]) => !(empty && k === key));
  if (empty) return Object.fromEntries(entries);
  return Object.fromEntries(own(base, key) ? entries.map(([k, v]) => [k, k === key ? value : v]) : [...entries, [key, value]]);
}

function writeTrigger(row: TriggerForm, before: Json): Json {
  if (before !== undefined && same(readTrigger(row.trigger, before), row)) return before;
  let t = obj(before);
  t = put(t, row.unit === 'hours' ? 'within_days' : 'within_hours', null);
  t = put(t, row.unit === 'hours' ? 'within_hours' : 'within_days', row.within);
  if (THRESHOLD[row.trigger]) t = put(t, THRESHOLD[row.trigger], row.threshold);
  return put(t, 'channels', row.channels);
}

function writeCare(row: CareForm, list: Json[]): Json {
  const before = row.from === null ? undefined : list[row.from];
  if (before !== undefined && same(readCare(before, row.from!), row)) return before;
  let c = put(obj(before), 'event', row.event);
  c = put(put(c, 'id', row.event === 'fixed' ? row.id : null), 'date', row.event === 'fixed' ? row.date : null);
  return put(put(c, 'lead_days', row.leadDays), 'channels', row.channels);
}

function writeCap(row: CapForm, before: Json): Json {
  if (before !== undefined && same(readCap(row.scope, before), row)) return before;
  return put(put(obj(before), 'week', row.week || null), 'month', row.month || null);
}

/** `section` with the form's changes; an empty result means the tier has no playbook. */
export function sectionOf(form: ServiceForm, section: Json): Obj {
  const s = obj(section);
  let out: Obj = { ...s };
  const owner = { policy: form.policy, team: form.team, cap: form.cap };
  if (!same(readOwner(s.owner), owner)) {
    const o = put(put(put(obj(s.owner), 'policy', form.policy), 'team', form.team), 'cap', form.cap || null);
    out = put(out, 'owner', o);
  }
  if (!same(readCadence(s.cadence), form.cadence)) {
    out = put(out, 'cadence', form.cadence && put(put(obj(s.cadence), 'every_days', form.cadence.everyDays), 'channels',
      form.cadence.channels));
  }
  if (!same(formOf(s).triggers, form.triggers)) {
    const before = obj(s.triggers);
    const rows = new Map(form.triggers.map((r) => [r.trigger, r]));
    // Unknown keys stay where they were; known ones the form dropped go; new ones come last.
    const kept = Object.entries(before).filter(([k]) => !(TRIGGERS as readonly string[]).includes(k) || rows.has(k))
      .map(([k, v]) => [k, rows.has(k) ? writeTrigger(rows.get(k)!, v) : v]);
    const added = form.triggers.filter((r) => !own(before, r.trigger)).map((r) => [r.trigger, writeTrigger(r, undefined)]);
    out = put(out, 'triggers', kept.length + added.length ? Object.fromEntries([...kept, ...added]) : null);
  }
  if (!same(formOf(s).care, form.care)) {
    const list = Array.isArray(s.care) ? s.care : [];
    out = put(out, 'care', form.care.map((r) => writeCare(r, list)));
  }
  if (!same(formOf(s).caps, form.caps)) {
    const before = obj(s.caps);
    const rows = new Map(form.caps.map((r) => [r.scope, r]));
    const kept = Object.entries(before).filter(([k]) => !SCOPES.includes(k) || rows.has(k))
      .map(([k, v]) => [k, rows.has(k) ? writeCap(rows.get(k)!, v) : v]);
    const added = form.caps.filter((r) => !own(before, r.scope)).map((r) => [r.scope, writeCap(r, undefined)]);
    out = put(out, 'caps', kept.length + added.length ? Object.fromEntries([...kept, ...added]) : null);
  }
  if (!same(readResources(s.resources), form.resources)) {
    const r = form.resources;
    const written = put(put(put(obj(s.resources), 'gift_value', r.giftValue), 'discount_ceiling', r.discountCeiling),
      'rep_hours_share', r.repHoursShare);
    out = put(out, 'resources', Object.keys(written).length ? written : null);
  }
  return out;
}

/**
 * Where a server error about this playbook belongs in the form, from its key (`service.triggers.enter.channels`,
 * `service.care[1].event`, `service.caps.sms`): the area and, for rows, the trigger, care index or cap scope.
 */
export function errorPlace(key: string): { area: 'owner' | 'cadence' | 'triggers' | 'care' | 'caps' | 'resources' | 'other'; row?: string } {
  const m = /^service\.(owner|cadence|triggers|care|caps|resources)(?:\[(\d+)\]|\.([a-z_]+))?/.exec(key);
  if (!m) return { area: 'other' };
  const area = m[1] as 'owner' | 'cadence' | 'triggers' | 'care' | 'caps' | 'resources';
  const row = area === 'care' ? m[2] : area === 'triggers' || area === 'caps' ? m[3] : undefined;
  return row === undefined ? { area } : { area, row };
}
