// The playbook form: a tier's `service:` section (owner, cadence, triggers, care, caps, resources) edited as fields
// and written back into the model text by playbookYaml, changing only what was edited. The server's errors for this
// tier's playbook (at `tiers[i].service.<key>`) are shown under the field they name.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Divider, Drawer, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type { FieldError } from '../../api/problem';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { modelErrorText } from './conditionErrors';
import { CARE_EVENTS, CHANNELS, POLICIES, THRESHOLD, TRIGGERS, errorPlace, formOf, same, sectionOf,
  type CapForm, type CareForm, type ServiceForm, type TriggerForm } from './playbookForm';
import { readService, writeService } from './playbookYaml';

/** A new trigger's threshold, as the README's examples: 60 days dormant, NPS 0–6, a first order of 5,000. */
const NEW_THRESHOLD: Record<string, number> = { dormant: 60, nps_detractor: 6, large_first_order: 5000 };

type Props = { index: number; title: string; yaml: string; errors: FieldError[]; onApply: (yaml: string) => void; onClose: () => void };

export function PlaybookForm({ index, title, yaml, errors, onApply, onClose }: Props) {
  const { t, lang } = useI18n();
  const [read] = useState(() => readService(yaml, index));
  const [form, setForm] = useState<ServiceForm>(() => formOf(read.ok ? read.section : null));
  const set = (patch: Partial<ServiceForm>) => setForm((f) => ({ ...f, ...patch }));
  const placed = errors.map((e) => ({ e, at: errorPlace((e.field ?? '').replace(/^tiers\[\d+\]\./, '')) }));
  const errorsAt = (area: string, row?: string): ReactNode => {
    const here = placed.filter((p) => p.at.area === area && p.at.row === row);
    return here.length ? <div data-testid="pbf-error" data-area={area}>{here.map((p, i) =>
      <Typography.Text key={i} type="danger" style={{ display: 'block' }}>{modelErrorText(p.e, t, lang)}</Typography.Text>)}</div> : null;
  };
  const rowsUnplaced = placed.filter((p) => p.at.area !== 'other' && p.at.row !== undefined && (
    (p.at.area === 'triggers' && !form.triggers.some((r) => r.trigger === p.at.row))
    || (p.at.area === 'caps' && !form.caps.some((r) => r.scope === p.at.row))
    || (p.at.area === 'care' && !form.care[Number(p.at.row)])));
  const channelOptions = CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) }));
  const channels = (value: string[], onChange: (v: string[]) => void, testId: string) => (
    <Select mode="multiple" value={value} onChange={onChange} options={channelOptions} style={{ minWidth: 220 }}
      placeholder={t('pbf.channels')} aria-label={t('pbf.channels')} data-testid={testId} />
  );
  const days = (value: number | null, onChange: (v: number | null) => void, label: string, testId: string) => (
    <InputNumber value={value} onChange={(v) => onChange(typeof v === 'number' ? v : null)} addonBefore={label}
      aria-label={label} style={{ width: 240 }} data-testid={testId} />
  );
  const edit = <K extends 'triggers' | 'care' | 'caps'>(key: K, i: number, patch: Partial<ServiceForm[K][number]>) =>
    set({ [key]: form[key].map((r, j) => (j === i ? { ...r, ...patch } : r)) } as Partial<ServiceForm>);
  const drop = (key: 'triggers' | 'care' | 'caps', i: number) =>
    set({ [key]: form[key].filter((_, j) => j !== i) } as Partial<ServiceForm>);
  const freeTriggers = TRIGGERS.filter((k) => !form.triggers.some((r) => r.trigger === k));
  const freeScopes = ['all', ...CHANNELS].filter((s) => !form.caps.some((r) => r.scope === s));
  // Untouched, the text stays as it is (even a section the form cannot show, which an empty write would remove).
  const apply = () => onApply(same(form, formOf(read.ok ? read.section : null)) ? yaml
    : writeService(yaml, index, sectionOf(form, read.ok ? read.section : null)));

  const trigger = (r: TriggerForm, i: number) => (
    <div key={r.trigger} data-testid="pbf-trigger" data-trigger={r.trigger} style={{ marginBottom: 8 }}>
      <Space wrap>
        <Typography.Text strong style={{ minWidth: 140, display: 'inline-block' }}>{t(`pbf.trigger.${r.trigger}` as MessageKey)}</Typography.Text>
        {THRESHOLD[r.trigger] && days(r.threshold, (v) => edit('triggers', i, { threshold: v }), t(`pbf.threshold.${r.trigger}` as MessageKey), 'pbf-threshold')}
        {days(r.within, (v) => edit('triggers', i, { within: v }), t('pbf.within'), 'pbf-within')}
        <Select value={r.unit} onChange={(unit) => edit('triggers', i, { unit })} aria-label={t('pbf.within')}
          options={[{ value: 'days', label: t('pbf.days') }, { value: 'hours', label: t('pbf.hours') }]} />
        {channels(r.channels, (v) => edit('triggers', i, { channels: v }), 'pbf-trigger-channels')}
        <Button size="small" onClick={() => drop('triggers', i)}>{t('pbf.remove')}</Button>
      </Space>
      {errorsAt('triggers', r.trigger)}
    </div>
  );
  const care = (r: CareForm, i: number) => (
    <div key={i} data-testid="pbf-care" style={{ marginBottom: 8 }}>
      <Space wrap>
        <Select value={r.event || undefined} onChange={(event) => edit('care', i, { event })} style={{ width: 170 }}
          aria-label={t('pbf.event')} placeholder={t('pbf.event')}
          options={CARE_EVENTS.map((e) => ({ value: e, label: t(e === 'fixed' ? 'pbf.event.fixed' : `care.${e}` as MessageKey) }))} />
        {r.event === 'fixed' && <>
          <Input value={r.id} onChange={(e) => edit('care', i, { id: e.target.value })} placeholder={t('pbf.eventId')} aria-label={t('pbf.eventId')} style={{ width: 150 }} />
          <Input value={r.date} onChange={(e) => edit('care', i, { date: e.target.value })} placeholder={t('pbf.date')} aria-label={t('pbf.date')} style={{ width: 110 }} />
        </>}
        {days(r.leadDays, (v) => edit('care', i, { leadDays: v }), t('pbf.leadDays'), 'pbf-lead')}
        {channels(r.channels, (v) => edit('care', i, { channels: v }), 'pbf-care-channels')}
        <Button size="small" onClick={() => drop('care', i)}>{t('pbf.remove')}</Button>
      </Space>
      {errorsAt('care', String(i))}
    </div>
  );
  const cap = (r: CapForm, i: number) => (
    <div key={r.scope} data-testid="pbf-cap" data-scope={r.scope} style={{ marginBottom: 8 }}>
      <Space wrap>
        <Typography.Text strong style={{ minWidth: 110, display: 'inline-block' }}>
          {r.scope === 'all' ? t('pbf.allChannels') : t(`channel.${r.scope}` as MessageKey)}</Typography.Text>
        {days(r.week, (v) => edit('caps', i, { week: v }), t('pbf.week'), 'pbf-cap-week')}
        {days(r.month, (v) => edit('caps', i, { month: v }), t('pbf.month'), 'pbf-cap-month')}
        <Button size="small" onClick={() => drop('caps', i)}>{t('pbf.remove')}</Button>
      </Space>
      {errorsAt('caps', r.scope)}
    </div>
  );

  return (
    <Drawer open width={760} title={title} onClose={onClose}
      extra={<Space>
        <Button onClick={onClose}>{t('pbf.cancel')}</Button>
        <Button type="primary" onClick={apply} disabled={!read.ok} data-testid="pbf-apply">{t('pbf.apply')}</Button>
      </Space>}>
      <div data-testid="playbook-form">
      {!read.ok ? <Alert type="warning" showIcon message={t('pbf.unreadable')} data-testid="pbf-unreadable" /> : <>
        <Typography.Paragraph type="secondary">{t('pbf.kept')}</Typography.Paragraph>
        {errorsAt('other')}
        {rowsUnplaced.length > 0 && <Alert type="error" message={t('pbf.otherErrors')} style={{ marginBottom: 8 }}
          description={rowsUnplaced.map((p, i) => <div key={i}>{modelErrorText(p.e, t, lang)}</div>)} />}
        <Divider orientation="left">{t('pbf.owner')}</Divider>
        <Space wrap>
          <Select value={form.policy} onChange={(policy) => set({ policy })} style={{ width: 220 }} aria-label={t('pbf.owner')}
            data-testid="pbf-policy" options={POLICIES.map((p) => ({ value: p, label: t(`pbf.policy.${p}` as MessageKey) }))} />
          {form.policy === 'assign' && <>
            <Select mode="tags" value={form.team} onChange={(team) => set({ team })} placeholder={t('pbf.team')}
              aria-label={t('pbf.team')} style={{ minWidth: 220 }} data-testid="pbf-team" />
            {days(form.cap, (cap) => set({ cap }), t('pbf.cap'), 'pbf-cap')}
          </>}
        </Space>
        {errorsAt('owner')}
        <Divider orientation="left">{t('pbf.cadence')}</Divider>
        <Space wrap>
          <Switch checked={form.cadence !== null} aria-label={t('pbf.cadenceOn')} data-testid="pbf-cadence-on"
            onChange={(on) => set({ cadence: on ? { everyDays: 30, channels: ['phone'] } : null })} />
          <Typography.Text>{t('pbf.cadenceOn')}</Typography.Text>
          {form.cadence && <>
            {days(form.cadence.everyDays, (everyDays) => set({ cadence: { ...form.cadence!, everyDays } }), t('pbf.everyDays'), 'pbf-every')}
            {channels(form.cadence.channels, (c) => set({ cadence: { ...form.cadence!, channels: c } }), 'pbf-cadence-channels')}
          </>}
        </Space>
        {errorsAt('cadence')}
        <Divider orientation="left">{t('pbf.triggers')}</Divider>
        {form.triggers.map(trigger)}
        {errorsAt('triggers')}
        {freeTriggers.length > 0 && <Select value={null} placeholder={`+ ${t('pbf.add')}`} style={{ width: 220 }} data-testid="pbf-add-trigger"
          options={freeTriggers.map((k) => ({ value: k, label: t(`pbf.trigger.${k}` as MessageKey) }))}
          onChange={(k: string | null) => k && set({ triggers: [...form.triggers, { trigger: k, within: 7, unit: 'days', threshold: NEW_THRESHOLD[k] ?? null, channels: ['phone'] }] })} />}
        <Divider orientation="left">{t('pbf.care')}</Divider>
        {form.care.map(care)}
        <Button size="small" data-testid="pbf-add-care" onClick={() => set({ care: [...form.care,
          { from: null, event: 'birthday', id: '', date: '', leadDays: 1, channels: ['wechat'] }] })}>+ {t('pbf.add')}</Button>
        <Divider orientation="left">{t('pbf.caps')}</Divider>
        {form.caps.map(cap)}
        {freeScopes.length > 0 && <Select value={null} placeholder={`+ ${t('pbf.add')}`} style={{ width: 220 }} data-testid="pbf-add-cap"
          options={freeScopes.map((s) => ({ value: s, label: s === 'all' ? t('pbf.allChannels') : t(`channel.${s}` as MessageKey) }))}
          onChange={(s: string | null) => s && set({ caps: [...form.caps, { scope: s, week: null, month: null }] })} />}
        <Divider orientation="left">{t('pbf.resources')}</Divider>
        <Space wrap>
          {days(form.resources.giftValue, (giftValue) => set({ resources: { ...form.resources, giftValue } }), t('pbf.giftValue'), 'pbf-gift-value')}
          {days(form.resources.discountCeiling, (discountCeiling) => set({ resources: { ...form.resources, discountCeiling } }), t('pbf.discountCeiling'), 'pbf-discount-ceiling')}
          {days(form.resources.repHoursShare, (repHoursShare) => set({ resources: { ...form.resources, repHoursShare } }), t('pbf.repHoursShare'), 'pbf-rep-hours')}
        </Space>
        {errorsAt('resources')}
      </>}
      </div>
    </Drawer>
  );
}
