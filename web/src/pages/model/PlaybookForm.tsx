// The playbook form: a tier's `service:` section, every key of it, edited as fields and written back into the model
// text by playbookYaml, changing only what was edited. The server's errors for this tier's playbook (at
// `tiers[i].service.<key>`) are shown under the field they name; "Preview this edit" plans the edited text before
// anything is applied or saved (POST /tasks/preview), and a 422 from it lands at the fields the same way.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Divider, Drawer, Select, Space, Typography } from 'antd';
import type { FieldError } from '../../api/problem';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { modelErrorText } from './conditionErrors';
import { CHANNELS, ESCALATION_ACTIONS, POLICIES, SURVEY_CHANNELS, TRIGGERS, errorPlace, formOf, same, sectionOf,
  type ServiceForm } from './playbookForm';
import { readService, writeService } from './playbookYaml';
import { ChannelSelect, HoldoutFields, NumberField, PurposeFields, QuietHours, Toggle } from './PlaybookFields';
import { CapRow, CareRow, TriggerRow } from './PlaybookRows';
import { PreviewCard, type Preview } from './PlaybookPreview';

/** A new trigger's threshold, as the README's examples: 60 days dormant, NPS 0–6, a first order of 5,000. */
const NEW_THRESHOLD: Record<string, number> = { dormant: 60, nps_detractor: 6, large_first_order: 5000 };
const NO_PURPOSE = { zh: '', en: '' };

type Props = {
  index: number; title: string; yaml: string; errors: FieldError[]; onApply: (yaml: string) => void; onClose: () => void;
  /** Plans the given model text; null when it failed (its errors come back in `errors`). Absent: no preview for this role. */
  onPreview?: (yaml: string) => Promise<Preview | null>;
};

export function PlaybookForm({ index, title, yaml, errors, onApply, onClose, onPreview }: Props) {
  const { t, lang } = useI18n();
  const [read] = useState(() => readService(yaml, index));
  const [form, setForm] = useState<ServiceForm>(() => formOf(read.ok ? read.section : null));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const set = (patch: Partial<ServiceForm>) => { setForm((f) => ({ ...f, ...patch })); setPreview(null); };
  const placed = errors.map((e) => ({ e, at: errorPlace((e.field ?? '').replace(/^tiers\[\d+\]\./, '')) }));
  const errorsAt = (area: string, row?: string): ReactNode => {
    const here = placed.filter((p) => p.at.area === area && p.at.row === row);
    return here.length ? <div data-testid="pbf-error" data-area={area}>{here.map((p, i) =>
      <Typography.Text key={i} type="danger" style={{ display: 'block' }}>{modelErrorText(p.e, t, lang)}</Typography.Text>)}</div> : null;
  };
  const rowsUnplaced = placed.filter((p) => p.at.row !== undefined && (
    (p.at.area === 'triggers' && !form.triggers.some((r) => r.trigger === p.at.row))
    || (p.at.area === 'caps' && !form.caps.some((r) => r.scope === p.at.row))
    || (p.at.area === 'care' && !form.care[Number(p.at.row)])));
  const edit = <K extends 'triggers' | 'care' | 'caps'>(key: K, i: number) => (patch: Partial<ServiceForm[K][number]>) =>
    set({ [key]: form[key].map((r, j) => (j === i ? { ...r, ...patch } : r)) } as Partial<ServiceForm>);
  const drop = (key: 'triggers' | 'care' | 'caps', i: number) => () =>
    set({ [key]: form[key].filter((_, j) => j !== i) } as Partial<ServiceForm>);
  const freeTriggers = TRIGGERS.filter((k) => !form.triggers.some((r) => r.trigger === k));
  const freeScopes = ['all', ...CHANNELS].filter((s) => !form.caps.some((r) => r.scope === s));
  // Untouched, the text stays as it is (even a section the form cannot show, which an empty write would remove).
  const edited = () => (same(form, formOf(read.ok ? read.section : null)) ? yaml
    : writeService(yaml, index, sectionOf(form, read.ok ? read.section : null)));
  const runPreview = async () => {
    if (!onPreview) return;
    setPreviewing(true); setPreviewError(null);
    try { setPreview(await onPreview(edited())); } catch (e) { setPreviewError(e); } finally { setPreviewing(false); }
  };
  const { cadence, returnToPool: back, escalation, survey } = form;

  return (
    <Drawer open width="min(760px, 100vw)" title={title} onClose={onClose}
      extra={<Space>
        <Button onClick={onClose}>{t('pbf.cancel')}</Button>
        <Button type="primary" onClick={() => onApply(edited())} disabled={!read.ok} data-testid="pbf-apply">{t('pbf.apply')}</Button>
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
              aria-label={t('pbf.team')} style={{ minWidth: 220, maxWidth: '100%' }} data-testid="pbf-team" />
            <NumberField value={form.cap} onChange={(cap) => set({ cap })} label={t('pbf.cap')} testId="pbf-cap" />
          </>}
        </Space>
        {errorsAt('owner')}
        {/* The pool serves a pool tier's customers already: nothing to return (the server says so if it is set). */}
        {(form.policy !== 'pool' || back) && <div style={{ marginTop: 8 }} data-testid="pbf-pool">
          <Space wrap>
            <Toggle on={back !== null} label={t('pbf.returnToPool')} testId="pbf-pool-on"
              onChange={(on) => set({ returnToPool: on ? { noContactDays: 30, noPurchaseDays: null, warnDays: 5 } : null })} />
            {back && <>
              <NumberField value={back.noContactDays} onChange={(noContactDays) => set({ returnToPool: { ...back, noContactDays } })}
                label={t('pbf.noContactDays')} testId="pbf-pool-contact" />
              <NumberField value={back.noPurchaseDays} onChange={(noPurchaseDays) => set({ returnToPool: { ...back, noPurchaseDays } })}
                label={t('pbf.noPurchaseDays')} testId="pbf-pool-purchase" />
              <NumberField value={back.warnDays} onChange={(warnDays) => set({ returnToPool: { ...back, warnDays } })}
                label={t('pbf.warnDays')} testId="pbf-pool-warn" />
            </>}
          </Space>
          {back && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('pbf.poolHint')}</Typography.Paragraph>}
          {errorsAt('pool')}
        </div>}

        <Divider orientation="left">{t('pbf.cadence')}</Divider>
        <Space wrap>
          <Toggle on={cadence !== null} label={t('pbf.cadenceOn')} testId="pbf-cadence-on"
            onChange={(on) => set({ cadence: on ? { everyDays: 30, channels: ['phone'], purpose: NO_PURPOSE } : null })} />
          {cadence && <>
            <NumberField value={cadence.everyDays} onChange={(everyDays) => set({ cadence: { ...cadence, everyDays } })}
              label={t('pbf.everyDays')} testId="pbf-every" />
            <ChannelSelect value={cadence.channels} onChange={(channels) => set({ cadence: { ...cadence, channels } })} testId="pbf-cadence-channels" />
            <PurposeFields value={cadence.purpose} onChange={(purpose) => set({ cadence: { ...cadence, purpose } })} testId="pbf-cadence-purpose" />
          </>}
        </Space>
        {errorsAt('cadence')}

        <Divider orientation="left">{t('pbf.triggers')}</Divider>
        {form.triggers.map((r, i) => <TriggerRow key={r.trigger} row={r} onChange={edit('triggers', i)} onRemove={drop('triggers', i)}
          errors={errorsAt('triggers', r.trigger)} />)}
        {errorsAt('triggers')}
        {freeTriggers.length > 0 && <Select value={null} placeholder={`+ ${t('pbf.add')}`} style={{ width: 220 }} data-testid="pbf-add-trigger"
          options={freeTriggers.map((k) => ({ value: k, label: t(`pbf.trigger.${k}` as MessageKey) }))}
          onChange={(k: string | null) => k && set({ triggers: [...form.triggers, { trigger: k, within: 7, unit: 'days',
            threshold: NEW_THRESHOLD[k] ?? null, channels: ['phone'], type: '', purpose: NO_PURPOSE, holdout: null }] })} />}

        <Divider orientation="left">{t('pbf.care')}</Divider>
        {form.care.map((r, i) => <CareRow key={i} row={r} onChange={edit('care', i)} onRemove={drop('care', i)}
          errors={errorsAt('care', String(i))} />)}
        {errorsAt('care')}
        <Button size="small" data-testid="pbf-add-care" onClick={() => set({ care: [...form.care,
          { from: null, event: 'birthday', id: '', date: '', leadDays: 1, channels: ['wechat'], type: '', purpose: NO_PURPOSE }] })}>+ {t('pbf.add')}</Button>

        <Divider orientation="left">{t('pbf.caps')}</Divider>
        {form.caps.map((r, i) => <CapRow key={r.scope} row={r} onChange={edit('caps', i)} onRemove={drop('caps', i)}
          errors={errorsAt('caps', r.scope)} />)}
        {errorsAt('caps')}
        {freeScopes.length > 0 && <Select value={null} placeholder={`+ ${t('pbf.add')}`} style={{ width: 220 }} data-testid="pbf-add-cap"
          options={freeScopes.map((s) => ({ value: s, label: s === 'all' ? t('pbf.allChannels') : t(`channel.${s}` as MessageKey) }))}
          onChange={(s: string | null) => s && set({ caps: [...form.caps, { scope: s, week: null, month: null }] })} />}
        <div style={{ marginTop: 12 }} data-testid="pbf-quiet">
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{t('pbf.quietHours')}</Typography.Text>
          <QuietHours value={form.quietHours} onChange={(quietHours) => set({ quietHours })} />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('pbf.quietHint')}</Typography.Paragraph>
          {errorsAt('quiet')}
        </div>

        <Divider orientation="left">{t('pbf.escalation')}</Divider>
        <Space wrap data-testid="pbf-escalation">
          <Toggle on={escalation !== null} label={t('pbf.on')} testId="pbf-escalation-on"
            onChange={(on) => set({ escalation: on ? { managerAfterDays: 3, afterDays: null, then: '' } : null })} />
          {escalation && <>
            <NumberField value={escalation.managerAfterDays} onChange={(managerAfterDays) => set({ escalation: { ...escalation, managerAfterDays } })}
              label={t('pbf.managerAfterDays')} testId="pbf-escalation-manager" />
            <NumberField value={escalation.afterDays} onChange={(afterDays) => set({ escalation: { ...escalation, afterDays } })}
              label={t('pbf.afterDays')} testId="pbf-escalation-after" />
            <Select value={escalation.then} onChange={(then) => set({ escalation: { ...escalation, then } })} style={{ width: 220 }}
              aria-label={t('pbf.then')} data-testid="pbf-escalation-then"
              options={['', ...ESCALATION_ACTIONS].map((a) => ({ value: a, label: t(`pbf.then.${a || 'none'}` as MessageKey) }))} />
          </>}
        </Space>
        {errorsAt('escalation')}

        <Divider orientation="left">{t('pbf.survey')}</Divider>
        <Space wrap data-testid="pbf-survey">
          <Toggle on={survey !== null} label={t('pbf.on')} testId="pbf-survey-on"
            onChange={(on) => set({ survey: on ? { npsEveryDays: 90, csatAfterComplaint: false, channel: '' } : null })} />
          {survey && <>
            <NumberField value={survey.npsEveryDays} onChange={(npsEveryDays) => set({ survey: { ...survey, npsEveryDays } })}
              label={t('pbf.npsEveryDays')} testId="pbf-survey-nps" />
            <Toggle on={survey.csatAfterComplaint} label={t('pbf.csatAfterComplaint')} testId="pbf-survey-csat"
              onChange={(csatAfterComplaint) => set({ survey: { ...survey, csatAfterComplaint } })} />
            <Select value={survey.channel} onChange={(channel) => set({ survey: { ...survey, channel } })} style={{ width: 220 }}
              aria-label={t('pbf.surveyChannel')} data-testid="pbf-survey-channel"
              options={[{ value: '', label: t('pbf.typeDefault', { type: t('channel.email') }) },
                ...SURVEY_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) }))]} />
          </>}
        </Space>
        {errorsAt('survey')}

        <Divider orientation="left">{t('pbf.sectionHoldout')}</Divider>
        <HoldoutFields value={form.holdout} onChange={(holdout) => set({ holdout })} label={t('pbf.on')} testId="pbf-holdout" />
        {errorsAt('holdout')}

        <Divider orientation="left">{t('pbf.resources')}</Divider>
        <Space wrap data-testid="pbf-resources">
          <NumberField value={form.resources.giftValue} onChange={(giftValue) => set({ resources: { ...form.resources, giftValue } })}
            label={t('pbf.giftValue')} testId="pbf-gift-value" />
          <NumberField value={form.resources.discountCeiling} onChange={(discountCeiling) => set({ resources: { ...form.resources, discountCeiling } })}
            label={t('pbf.discountCeiling')} testId="pbf-discount-ceiling" step={0.05} />
          <NumberField value={form.resources.repHoursShare} onChange={(repHoursShare) => set({ resources: { ...form.resources, repHoursShare } })}
            label={t('pbf.repHoursShare')} testId="pbf-rep-hours" step={0.05} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>{t('pbf.touchMinutes')}</Typography.Paragraph>
        <Space wrap data-testid="pbf-touch-minutes">
          {CHANNELS.map((c) => <NumberField key={c} value={form.resources.touchMinutes[c]}
            onChange={(v) => set({ resources: { ...form.resources, touchMinutes: { ...form.resources.touchMinutes, [c]: v } } })}
            label={t(`channel.${c}` as MessageKey)} placeholder={t('pbf.touchDefault')} testId={`pbf-touch-${c}`} />)}
        </Space>
        {errorsAt('resources')}

        {onPreview && <>
          <Divider />
          <Space wrap>
            <Button onClick={runPreview} loading={previewing} data-testid="pbf-preview">{t('pbf.previewEdit')}</Button>
            <Typography.Text type="secondary">{t('pbf.previewHint')}</Typography.Text>
          </Space>
          <div style={{ marginTop: 12 }}><ErrorAlert error={previewError} testId="pbf-preview-error" /></div>
          {preview && <div style={{ marginTop: 12 }}><PreviewCard data={preview} draft testId="pbf-preview-result" /></div>}
        </>}
      </>}
      </div>
    </Drawer>
  );
}
