// One task on the work list: whose, why, by which channel and when; done in one click (reached) or with an outcome
// and a note, or skipped with a reason.
import { Button, Space, Tag, Typography } from 'antd';
import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import { DetailLink } from '../../components/DetailLink';
import type { Task } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { labelOf } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { TierTag } from '../../components/TierTag';
import { isOverdue, stopText } from './tasks';
import { useMeta } from '../../api/Meta';

export function TaskItem({ task, today, busy, onQuickDone, onOpen, showOwner }: {
  task: Task; today: string; busy: boolean; showOwner: boolean;
  onQuickDone: () => void; onOpen: (mode: 'complete' | 'skip') => void;
}) {
  const i18n = useI18n();
  const { t, lang, date } = i18n;
  const { tierName } = useMeta();
  const overdue = isOverdue(task, today);
  const purpose = labelOf(task.reason?.purpose, lang);
  return (
    <div data-testid="task-row" data-id={task.id} data-type={task.type} data-customer={task.customerId}
      data-overdue={overdue} style={{ width: '100%' }}>
      <Space size={[8, 4]} wrap>
        <DetailLink to={`/customers/${encodeURIComponent(task.customerId)}`} data-testid="task-customer">
          <Typography.Text strong>{task.customerName || task.customerId}</Typography.Text>
        </DetailLink>
        <TierTag tier={task.tier} />
        {task.channel && <Tag>{t(`channel.${task.channel}` as MessageKey)}</Tag>}
        {overdue
          ? <Tag color="red" data-testid="task-overdue">{t('work.overdue')} · {date(task.dueDate)}</Tag>
          : <Typography.Text type="secondary">{t('work.due', { date: date(task.dueDate) })}</Typography.Text>}
        {showOwner && task.owner && <Typography.Text type="secondary">{t('work.owner')}: {task.owner}</Typography.Text>}
        {task.status === 'suppressed' && task.suppressedBy && (
          <Tag data-testid="task-stop" data-stop={task.suppressedBy}>
            {t('taskStatus.suppressed')}: {stopText(task.suppressedBy, i18n, tierName)}
          </Tag>
        )}
      </Space>
      {purpose && <div><Typography.Text>{purpose}</Typography.Text></div>}
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} data-testid="task-why">
        {t('work.why')}: {labelOf(task.reasonText, lang)}
      </Typography.Paragraph>
      <Space size={8} wrap style={{ marginTop: 6 }}>
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy} onClick={onQuickDone}
          data-testid="task-done">{t('work.done')}</Button>
        <Button size="small" onClick={() => onOpen('complete')} data-testid="task-complete">{t('work.complete')}</Button>
        <Button size="small" onClick={() => onOpen('skip')} data-testid="task-skip">{t('work.skip')}</Button>
        {task.channel === 'phone' && task.phone && (
          <a href={`tel:${task.phone}`} data-testid="task-phone"><PhoneOutlined /> {task.phone}</a>
        )}
      </Space>
    </div>
  );
}
