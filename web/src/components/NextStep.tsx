// A customer's next step (the open task due first) in words: type, channel and due day, marked when overdue.
import { Typography } from 'antd';
import type { CustomerRow } from '../api/types';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { nextStep, todayIso } from '../pages/customers/nextStep';

export function NextStep({ row }: { row: Pick<CustomerRow, 'nextTask'> }) {
  const { t, date } = useI18n();
  const step = nextStep(row, todayIso());
  if (!step) return <Typography.Text type="secondary" data-testid="row-next-step">{t('cust.nextTaskNone')}</Typography.Text>;
  const parts = [t(`taskType.${step.type}` as MessageKey), step.channel && t(`channel.${step.channel}` as MessageKey), date(step.dueDate)];
  return (
    <Typography.Text type={step.overdue ? 'danger' : undefined} data-testid="row-next-step" data-overdue={step.overdue}>
      {parts.filter(Boolean).join(' · ')}{step.overdue && ` (${t('cust.nextTaskOverdue')})`}
    </Typography.Text>
  );
}
