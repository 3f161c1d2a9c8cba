// The day's call list: phone tasks due today or overdue, with the numbers to dial, downloadable as CSV.
import { Button, Card, List, Typography } from 'antd';
import { DownloadOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Task } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { labelOf } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { callListCsv, type Call } from './tasks';
import type { Profile } from './useProfiles';

export function CallList({ tasks, profiles, today }: { tasks: Task[]; profiles: Map<string, Profile>; today: string }) {
  const { t, lang } = useI18n();
  const calls: Call[] = tasks.filter((task) => task.channel === 'phone').map((task) => ({
    customerId: task.customerId, name: profiles.get(task.customerId)?.name ?? '', phone: profiles.get(task.customerId)?.phone ?? '',
    type: t(`taskType.${task.type}` as MessageKey), dueDate: task.dueDate, purpose: labelOf(task.reason?.purpose, lang),
  }));

  const save = () => {
    const headers = [t('cust.id'), t('cust.name'), t('work.phone'), t('ix.type'), t('tx.date'), t('work.purpose')];
    const blob = new Blob([callListCsv(headers, calls)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${t('work.callList')}-${today}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Card size="small" data-testid="call-list" title={<><PhoneOutlined /> {t('work.callList')} ({calls.length})</>}
      extra={calls.length > 0 && <Button size="small" icon={<DownloadOutlined />} onClick={save} data-testid="call-list-export">
        {t('work.exportCalls')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('work.callListHint')}</Typography.Paragraph>
      <List size="small" dataSource={calls} locale={{ emptyText: t('work.noCalls') }} renderItem={(call) => (
        <List.Item data-testid="call-row" data-customer={call.customerId}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Link to={`/customers/${encodeURIComponent(call.customerId)}`}>{call.name || call.customerId}</Link>
            <div><Typography.Text type="secondary">{call.type} · {call.purpose}</Typography.Text></div>
          </div>
          {call.phone ? <a href={`tel:${call.phone}`} style={{ whiteSpace: 'nowrap', marginLeft: 8 }}>{call.phone}</a>
            : <Typography.Text type="secondary">{t('work.noPhone')}</Typography.Text>}
        </List.Item>
      )} />
    </Card>
  );
}
