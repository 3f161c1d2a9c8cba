// The customer's service tasks on the 360° page: open ones (and those held back by a contact cap) and past ones
// (done with their outcome, skipped, cancelled), each with why it was planned, and why a touch was held back (a
// contact cap, do-not-contact, no consent for the channel, a missing phone number) or a task cancelled.
import { Card, List, Space, Tabs, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Page, Task } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { labelOf } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMeta } from '../../api/Meta';
import { stopText } from '../work/tasks';

const STATUS_COLOR: Record<string, string> = { open: 'blue', done: 'green', skipped: 'default', cancelled: 'default', suppressed: 'orange' };

export function CustomerTasks({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const query = buildQuery({ customerId, size: 200 });
  const { data, error } = useLoad(() => api<Page<Task>>('/tasks' + query), [query]);
  const tasks = data?.items ?? [];
  const open = tasks.filter((task) => task.status === 'open' || task.status === 'suppressed');
  // Newest first: the last thing done with this customer is what the next caller wants to read.
  const past = tasks.filter((task) => !open.includes(task)).reverse();
  return (
    <Card title={t('c360.tasks')} size="small" data-testid="c360-tasks">
      <ErrorAlert error={error} />
      <Tabs items={[
        { key: 'open', label: t('c360.openTasks', { n: open.length }), children: <TaskList tasks={open} /> },
        { key: 'past', label: t('c360.pastTasks', { n: past.length }), children: <TaskList tasks={past} /> },
      ]} />
    </Card>
  );
}

function TaskList({ tasks }: { tasks: Task[] }) {
  const i18n = useI18n();
  const { t, lang, date, dateTime } = i18n;
  const { tierName } = useMeta();
  return (
    <List<Task> size="small" dataSource={tasks} rowKey="id" locale={{ emptyText: t('c360.noTasks') }}
      renderItem={(task) => (
        <List.Item data-testid="c360-task" data-id={task.id} data-status={task.status} data-outcome={task.outcome ?? ''}>
          <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
            <Space size={[6, 4]} wrap>
              <Typography.Text strong>{t(`taskType.${task.type}` as MessageKey)}</Typography.Text>
              <Tag color={STATUS_COLOR[task.status]}>{t(`taskStatus.${task.status}` as MessageKey)}</Tag>
              {task.outcome && <Tag color="green">{t(`outcome.${task.outcome}` as MessageKey)}</Tag>}
              {task.channel && <Tag>{t(`channel.${task.channel}` as MessageKey)}</Tag>}
              <Typography.Text type="secondary">{t('work.due', { date: date(task.dueDate) })}</Typography.Text>
              {task.owner && <Typography.Text type="secondary">{t('work.owner')}: {task.owner}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{labelOf(task.reasonText, lang)}</Typography.Text>
            {task.suppressedBy && (
              <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="c360-task-stop" data-stop={task.suppressedBy}>
                {t('stop.why')}: {stopText(task.suppressedBy, i18n, tierName)}
              </Typography.Text>
            )}
            {task.closedAt && (
              <Typography.Text style={{ fontSize: 12 }}>
                {dateTime(task.closedAt)} · {task.closedBy}{task.note ? `: ${task.note}` : ''}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )} />
  );
}
