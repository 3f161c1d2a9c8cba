// The customers behind one Sankey flow, from /migrations/customers (the server applies the sales owner filter).
import { useState, type HTMLAttributes } from 'react';
import { Modal, Table } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { MigrationCustomer, Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { useMeta } from '../../api/Meta';
import { TierTag } from '../../components/TierTag';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface FlowChoice { fromRun: number; toRun: number; fromTier: string; toTier: string }

export function MigrationCustomers({ flow, onClose }: { flow: FlowChoice; onClose: () => void }) {
  const { t } = useI18n();
  const { tierName } = useMeta();
  const [page, setPage] = useState(0);
  const size = 20;
  const { data, error, loading } = useLoad(() => api<Page<MigrationCustomer>>('/migrations/customers' + buildQuery({
    from: flow.fromRun, to: flow.toRun, fromTier: flow.fromTier, toTier: flow.toTier, page, size,
  })), [flow, page]);
  return (
    <Modal open onCancel={onClose} footer={null} width={760} data-testid="migration-customers"
      title={t('mig.customers', { from: tierName(flow.fromTier), to: tierName(flow.toTier) })}>
      <ErrorAlert error={error} />
      <Table<MigrationCustomer>
        rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []}
        onRow={(row) => ({ 'data-testid': 'migration-customer-row', 'data-owner': row.owner ?? '' }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page + 1, pageSize: size, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p - 1) }}
        columns={[
          { title: t('cust.id'), dataIndex: 'id', render: (id: string) => <DetailLink to={`/customers/${encodeURIComponent(id)}`}>{id}</DetailLink> },
          { title: t('cust.name'), dataIndex: 'name' },
          { title: t('cust.owner'), dataIndex: 'owner', render: (o: string | null) => <span data-testid="row-owner">{o ?? '—'}</span> },
          { title: t('mig.earlier'), dataIndex: 'fromTier', render: (tier: string) => <TierTag tier={tier} /> },
          { title: t('mig.later'), dataIndex: 'toTier', render: (tier: string) => <TierTag tier={tier} /> },
        ]}
      />
    </Modal>
  );
}
