// Setting a tier by hand: a reason is required, the expiry is optional and must lie in the future.
import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';

export function OverrideDialog({ customerId, currentTier, onDone, onCancel }: {
  customerId: string; currentTier: string; onDone: () => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const { options } = useMeta();
  const [form] = Form.useForm<{ tier: string; reason: string; expiresAt?: Dayjs }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing beside the field; nothing to send
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/customers/${encodeURIComponent(customerId)}/override`, {
        method: 'PUT',
        // Expiry is a day to the user; the override ends at the start of that day (UTC), as the API stores instants.
        json: { tier: values.tier, reason: values.reason.trim(), expiresAt: values.expiresAt ? `${values.expiresAt.format('YYYY-MM-DD')}T00:00:00Z` : null },
      });
      onDone();
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  return (
    <Modal open title={t('c360.override')} onOk={submit} onCancel={onCancel} confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'override-submit' }} data-testid="override-dialog">
      <ErrorAlert error={error} testId="override-error" />
      <Form form={form} layout="vertical" initialValues={{ tier: currentTier }}>
        <Form.Item name="tier" label={t('c360.tier')} rules={[{ required: true }]}>
          <Select options={options('tiers')} data-testid="override-tier" />
        </Form.Item>
        <Form.Item name="reason" label={t('c360.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="override-reason" />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('c360.expiresAt')}>
          <DatePicker style={{ width: '100%' }} data-testid="override-expires"
            disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
