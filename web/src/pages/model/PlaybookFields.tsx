// The small inputs the playbook form is built of. Widths are capped at the drawer's so the form wraps, not scrolls,
// on a 390 px phone.
import { Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { CHANNELS, TASK_TYPES, type HoldoutForm, type PurposeForm } from './playbookForm';

const WIDE = { width: 300, maxWidth: '100%' } as const;

export function ChannelSelect({ value, onChange, testId }: { value: string[]; onChange: (v: string[]) => void; testId: string }) {
  const { t } = useI18n();
  return <Select mode="multiple" value={value} onChange={onChange} style={{ minWidth: 220, maxWidth: '100%' }}
    options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) }))}
    placeholder={t('pbf.channels')} aria-label={t('pbf.channels')} data-testid={testId} />;
}

type NumberProps = {
  value: number | null; onChange: (v: number | null) => void; label: string; testId: string; step?: number; placeholder?: string;
};
export function NumberField({ value, onChange, label, testId, step, placeholder }: NumberProps) {
  return <InputNumber value={value} onChange={(v) => onChange(typeof v === 'number' ? v : null)} addonBefore={label}
    aria-label={label} style={WIDE} step={step} placeholder={placeholder} data-testid={testId} />;
}

/** A switch with its label; the fields it turns on follow it. */
export function Toggle({ on, label, onChange, testId }: { on: boolean; label: string; onChange: (on: boolean) => void; testId: string }) {
  return <Space><Switch checked={on} onChange={onChange} aria-label={label} data-testid={testId} /><Typography.Text>{label}</Typography.Text></Space>;
}

export function PurposeFields({ value, onChange, testId }: { value: PurposeForm; onChange: (v: PurposeForm) => void; testId: string }) {
  const { t } = useI18n();
  const one = (lang: 'zh' | 'en') => {
    const label = t(lang === 'zh' ? 'pbf.purposeZh' : 'pbf.purposeEn');
    return <Input value={value[lang]} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} addonBefore={label}
      placeholder={label} aria-label={label} style={WIDE} data-testid={`${testId}-${lang}`} />;
  };
  return <>{one('zh')}{one('en')}</>;
}

export function TypeSelect({ value, fallback, onChange, testId }: { value: string; fallback: string; onChange: (v: string) => void; testId: string }) {
  const { t } = useI18n();
  const label = (type: string) => t(`taskType.${type}` as MessageKey);
  return <Select value={value} onChange={onChange} style={{ width: 220, maxWidth: '100%' }} aria-label={t('pbf.type')} data-testid={testId}
    options={[{ value: '', label: t('pbf.typeDefault', { type: label(fallback) }) },
      ...TASK_TYPES.map((type) => ({ value: type, label: label(type) }))]} />;
}

export function HoldoutFields({ value, onChange, label, testId }:
  { value: HoldoutForm | null; onChange: (v: HoldoutForm | null) => void; label: string; testId: string }) {
  const { t } = useI18n();
  return <Space wrap>
    <Toggle on={value !== null} label={label} testId={`${testId}-on`}
      onChange={(on) => onChange(on ? { experiment: '', share: 0.1, days: null } : null)} />
    {value && <>
      <Input value={value.experiment} onChange={(e) => onChange({ ...value, experiment: e.target.value })} placeholder={t('pbf.experiment')}
        aria-label={t('pbf.experiment')} style={WIDE} data-testid={`${testId}-experiment`} />
      <NumberField value={value.share} onChange={(share) => onChange({ ...value, share })} label={t('pbf.share')} step={0.05}
        testId={`${testId}-share`} />
      <NumberField value={value.days} onChange={(days) => onChange({ ...value, days })} label={t('pbf.holdoutDays')}
        testId={`${testId}-days`} />
    </>}
  </Space>;
}

const PAIR = /^\s*(\d{1,2}:\d{2})?\s*-\s*(\d{1,2}:\d{2})?\s*$/;
const pad = (time: string | undefined) => (time ? time.padStart(5, '0') : '');

/**
 * Quiet hours as two time pickers; a value they cannot show (seconds, a typo in the model) as text, so the user sees
 * what is written and the server's error at it.
 */
export function QuietHours({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const pair = value === '' ? ['', '', ''] : PAIR.exec(value);
  if (!pair) {
    return <Input value={value} onChange={(e) => onChange(e.target.value)} placeholder="21:00-08:00" aria-label={t('pbf.quietHours')}
      style={WIDE} data-testid="pbf-quiet-text" />;
  }
  const [from, to] = [pad(pair[1]), pad(pair[2])];
  const set = (f: string, tt: string) => onChange(f || tt ? `${f}-${tt}` : '');
  return <Space wrap>
    <Input type="time" value={from} onChange={(e) => set(e.target.value, to)} addonBefore={t('pbf.quietFrom')}
      aria-label={`${t('pbf.quietHours')} · ${t('pbf.quietFrom')}`} style={{ width: 170 }} data-testid="pbf-quiet-from" />
    <Input type="time" value={to} onChange={(e) => set(from, e.target.value)} addonBefore={t('pbf.quietTo')}
      aria-label={`${t('pbf.quietHours')} · ${t('pbf.quietTo')}`} style={{ width: 170 }} data-testid="pbf-quiet-to" />
  </Space>;
}
