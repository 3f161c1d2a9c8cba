// Planning an experiment before a playbook declares it (GET /experiments/plan): for the tiers, holdout share and
// duration chosen, the smallest rise in repurchase rate it would detect, from the current snapshot. Admins and
// analysts only, as the server allows.
import { useState } from 'react';
import { Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MdeList } from './MdeList';
import type { Plan } from './experiments';

export function ExperimentPlan() {
  const { t, date } = useI18n();
  const { options } = useMeta();
  const [form] = Form.useForm<{ tiers?: string[]; share: number; days?: number }>();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const compute = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      setPlan(await api<Plan>('/experiments/plan' + buildQuery({ tiers: (v.tiers ?? []).join(','), share: v.share / 100, days: v.days })));
    } catch (e) {
      setPlan(null);
      setError(e);
    } finally { setBusy(false); }
  };

  return (
    <Card title={t('exp.plan.title')} size="small" style={{ marginBottom: 16 }} data-testid="exp-plan">
      <Typography.Paragraph type="secondary">{t('exp.plan.help')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ share: 10 }} onFinish={compute}>
        <Form.Item name="tiers" label={t('exp.tiers')}>
          <Select mode="multiple" allowClear style={{ minWidth: 200 }} placeholder={t('exp.plan.allTiers')}
            options={options('tiers')} data-testid="exp-plan-tiers" />
        </Form.Item>
        <Form.Item name="share" label={t('exp.share')} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} addonAfter="%" data-testid="exp-plan-share" />
        </Form.Item>
        {/* Empty: the server's default duration, the one an experiment whose holdout sets no days runs. */}
        <Form.Item name="days" label={t('exp.plan.days')}>
          <InputNumber min={1} max={3650} placeholder={t('exp.plan.daysDefault')} style={{ width: 160 }} data-testid="exp-plan-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="exp-plan-compute">{t('exp.plan.compute')}</Button>
      </Form>
      <ErrorAlert error={error} />
      {plan && (
        <div style={{ marginTop: 12 }} data-testid="exp-plan-result">
          <Typography.Text strong>{t('exp.mde')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('exp.plan.baseline', { from: date(plan.from), to: date(plan.asOf) })}</Typography.Paragraph>
          <MdeList mde={plan.mde} />
        </div>
      )}
    </Card>
  );
}
