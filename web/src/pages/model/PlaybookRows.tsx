// The rows of the playbook form's lists: a trigger, a care event, a contact cap. Each shows the server's errors for
// its key (`service.triggers.enter…`, `service.care[1]…`, `service.caps.sms…`) under it.
import type { ReactNode } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { CARE_EVENTS, DEFAULT_TYPE, THRESHOLD, type CapForm, type CareForm, type TriggerForm } from './playbookForm';
import { ChannelSelect, HoldoutFields, NumberField, PurposeFields, TypeSelect } from './PlaybookFields';

const ROW = { marginBottom: 8, padding: 8, border: '1px solid #f0f0f0', borderRadius: 6 } as const;
const NAME = { minWidth: 140, display: 'inline-block' } as const;

type RowProps<R> = { row: R; onChange: (patch: Partial<R>) => void; onRemove: () => void; errors: ReactNode };

export function TriggerRow({ row, onChange, onRemove, errors }: RowProps<TriggerForm>) {
  const { t } = useI18n();
  return (
    <div data-testid="pbf-trigger" data-trigger={row.trigger} style={ROW}>
      <Space wrap>
        <Typography.Text strong style={NAME}>{t(`pbf.trigger.${row.trigger}` as MessageKey)}</Typography.Text>
        {THRESHOLD[row.trigger] && <NumberField value={row.threshold} onChange={(threshold) => onChange({ threshold })}
          label={t(`pbf.threshold.${row.trigger}` as MessageKey)} testId="pbf-threshold" />}
        <NumberField value={row.within} onChange={(within) => onChange({ within })} label={t('pbf.within')} testId="pbf-within" />
        <Select value={row.unit} onChange={(unit) => onChange({ unit })} aria-label={t('pbf.within')}
          options={[{ value: 'days', label: t('pbf.days') }, { value: 'hours', label: t('pbf.hours') }]} />
        <ChannelSelect value={row.channels} onChange={(channels) => onChange({ channels })} testId="pbf-trigger-channels" />
        <TypeSelect value={row.type} fallback={DEFAULT_TYPE[row.trigger]} onChange={(type) => onChange({ type })} testId="pbf-trigger-type" />
        <PurposeFields value={row.purpose} onChange={(purpose) => onChange({ purpose })} testId="pbf-trigger-purpose" />
        <HoldoutFields value={row.holdout} onChange={(holdout) => onChange({ holdout })} label={t('pbf.holdout')} testId="pbf-trigger-holdout" />
        <Button size="small" onClick={onRemove}>{t('pbf.remove')}</Button>
      </Space>
      {errors}
    </div>
  );
}

export function CareRow({ row, onChange, onRemove, errors }: RowProps<CareForm>) {
  const { t } = useI18n();
  return (
    <div data-testid="pbf-care" style={ROW}>
      <Space wrap>
        <Select value={row.event || undefined} onChange={(event) => onChange({ event })} style={{ width: 170 }}
          aria-label={t('pbf.event')} placeholder={t('pbf.event')}
          options={CARE_EVENTS.map((e) => ({ value: e, label: t(e === 'fixed' ? 'pbf.event.fixed' : `care.${e}` as MessageKey) }))} />
        {row.event === 'fixed' && <>
          <Input value={row.id} onChange={(e) => onChange({ id: e.target.value })} placeholder={t('pbf.eventId')} aria-label={t('pbf.eventId')} style={{ width: 150 }} />
          <Input value={row.date} onChange={(e) => onChange({ date: e.target.value })} placeholder={t('pbf.date')} aria-label={t('pbf.date')} style={{ width: 110 }} />
        </>}
        <NumberField value={row.leadDays} onChange={(leadDays) => onChange({ leadDays })} label={t('pbf.leadDays')} testId="pbf-lead" />
        <ChannelSelect value={row.channels} onChange={(channels) => onChange({ channels })} testId="pbf-care-channels" />
        <TypeSelect value={row.type} fallback={DEFAULT_TYPE.care} onChange={(type) => onChange({ type })} testId="pbf-care-type" />
        <PurposeFields value={row.purpose} onChange={(purpose) => onChange({ purpose })} testId="pbf-care-purpose" />
        <Button size="small" onClick={onRemove}>{t('pbf.remove')}</Button>
      </Space>
      {errors}
    </div>
  );
}

export function CapRow({ row, onChange, onRemove, errors }: RowProps<CapForm>) {
  const { t } = useI18n();
  return (
    <div data-testid="pbf-cap" data-scope={row.scope} style={{ marginBottom: 8 }}>
      <Space wrap>
        <Typography.Text strong style={{ minWidth: 110, display: 'inline-block' }}>
          {row.scope === 'all' ? t('pbf.allChannels') : t(`channel.${row.scope}` as MessageKey)}</Typography.Text>
        <NumberField value={row.week} onChange={(week) => onChange({ week })} label={t('pbf.week')} testId="pbf-cap-week" />
        <NumberField value={row.month} onChange={(month) => onChange({ month })} label={t('pbf.month')} testId="pbf-cap-month" />
        <Button size="small" onClick={onRemove}>{t('pbf.remove')}</Button>
      </Space>
      {errors}
    </div>
  );
}
