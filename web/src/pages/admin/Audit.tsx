// The audit log (admin), filterable by user and action.
import { useState } from 'react';
import { Input, Select, Space, Table } from 'antd';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { AuditEntry, Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';

const ACTIONS = ['login', 'login_failed', 'logout', 'import', 'run', 'model_update', 'override_set', 'override_removed',
  'user_created', 'user_updated', 'user_deleted', 'token_created', 'token_revoked', 'tokens_revoked',
  'duplicate_accepted', 'duplicate_rejected', 'duplicate_undone'];

export function Audit() {
  const { t, dateTime } = useI18n();
  const [user, setUser] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const audit = useLoad(() => api<Page<AuditEntry>>('/audit' + buildQuery({ user, action, page, size: 50 })), [user, action, page]);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('admin.user')} onSearch={(u) => { setUser(u.trim()); setPage(0); }} style={{ width: 200 }} />
        <Select allowClear placeholder={t('admin.action')} aria-label={t('admin.action')} style={{ width: 200 }} value={action}
          onChange={(a) => { setAction(a); setPage(0); }} options={ACTIONS.map((a) => ({ value: a, label: a }))} />
      </Space>
      <ErrorAlert error={audit.error} />
      <Table<AuditEntry> rowKey="id" size="small" loading={audit.loading} dataSource={audit.data?.items ?? []} data-testid="audit-table"
        pagination={{ current: page + 1, pageSize: 50, total: audit.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p - 1) }}
        columns={[
          { title: t('admin.at'), dataIndex: 'at', render: (d: string) => dateTime(d) },
          { title: t('admin.user'), dataIndex: 'username' },
          { title: t('admin.action'), dataIndex: 'action' },
          { title: t('admin.detail'), dataIndex: 'detail' },
        ]} />
    </>
  );
}
