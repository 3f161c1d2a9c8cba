// The audit log (admin), filterable by user and action; actions, details and the actor "system" in the user's language.
import { useState } from 'react';
import { Input, Select, Space, Table } from 'antd';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { AuditEntry, Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { actorName } from '../../i18n/actors';
import { actionLabel, AUDIT_ACTIONS, detailText } from './audit';

export function Audit() {
  const { t, lang, dateTime } = useI18n();
  const [user, setUser] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const audit = useLoad(() => api<Page<AuditEntry>>('/audit' + buildQuery({ user, action, page, size: 50 })), [user, action, page]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('admin.user')} onSearch={(u) => { setUser(u.trim()); setPage(0); }} style={{ width: 200 }} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('admin.action')} aria-label={t('admin.action')} style={{ width: 240 }} value={action}
          onChange={(a) => { setAction(a); setPage(0); }} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t) }))} />
      </Space>
      <ErrorAlert error={audit.error} />
      <Table<AuditEntry> rowKey="id" size="small" loading={audit.loading} dataSource={audit.data?.items ?? []} data-testid="audit-table"
        pagination={{ current: page + 1, pageSize: 50, total: audit.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p - 1) }}
        columns={[
          { title: t('admin.at'), dataIndex: 'at', render: (d: string) => dateTime(d) },
          { title: t('admin.user'), dataIndex: 'username', render: (u: string) => actorName(u, t) },
          { title: t('admin.action'), dataIndex: 'action', render: (a: string) => <span data-action={a}>{actionLabel(a, t)}</span> },
          { title: t('admin.detail'), dataIndex: 'detail', render: (_: unknown, e: AuditEntry) => detailText(e, lang, t) },
        ]} />
    </>
  );
}
