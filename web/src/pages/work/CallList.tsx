// The day's call list: phone tasks due today or overdue, with the numbers to dial; the server writes the CSV
// (name, phone, email, last contact, next task; headers in the user's language).
import { useState } from 'react';
import { App, Button, Card, List, Typography } from 'antd';
import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { DetailLink } from '../../components/DetailLink';
import { download } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Task } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import { labelOf } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { addDays } from './tasks';

export function CallList({ tasks, today, owner }: { tasks: Task[]; today: string; owner: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const calls = tasks.filter((task) => task.channel === 'phone');

  const save = async () => {
    setSaving(true);
    try {
      await download('/tasks/call-list' + buildQuery({ dueBefore: addDays(today, 1), owner, lang }),
        `${t('work.callList')}-${today}.csv`);
    } catch (e) {
      message.error(errorText(e, t));
    } finally { setSaving(false); }
  };

  return (
    <Card size="small" data-testid="call-list" title={<><PhoneOutlined /> {t('work.callList')} ({calls.length})</>}
      extra={calls.length > 0 && <Button size="small" icon={<DownloadOutlined />} loading={saving} onClick={save}
        data-testid="call-list-export">{t('work.exportCalls')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('work.callListHint')}</Typography.Paragraph>
      <List size="small" dataSource={calls} locale={{ emptyText: t('work.noCalls') }} renderItem={(task) => (
        <List.Item data-testid="call-row" data-customer={task.customerId}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <DetailLink to={`/customers/${encodeURIComponent(task.customerId)}`}>{task.customerName || task.customerId}</DetailLink>
            <div><Typography.Text type="secondary">
              {t(`taskType.${task.type}` as MessageKey)} · {labelOf(task.reason?.purpose, lang)}</Typography.Text></div>
          </div>
          {task.phone ? <a href={`tel:${task.phone}`} style={{ whiteSpace: 'nowrap', marginLeft: 8 }}>{task.phone}</a>
            : <Typography.Text type="secondary">{t('work.noPhone')}</Typography.Text>}
        </List.Item>
      )} />
    </Card>
  );
}
