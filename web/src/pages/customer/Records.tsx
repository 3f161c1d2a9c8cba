// Paged tables of a customer's raw records: transactions, interactions, surveys.
import { useState } from 'react';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Interaction, Page, Survey, Transaction } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';

function RecordTable<T extends { recordId: string }>({ path, columns, testId }: { path: string; columns: ColumnsType<T>; testId: string }) {
  const [page, setPage] = useState(0);
  const size = 20;
  const { data, error, loading } = useLoad(() => api<Page<T>>(path + buildQuery({ page, size })), [path, page]);
  return (
    <>
      <ErrorAlert error={error} />
      <Table<T> rowKey="recordId" size="small" loading={loading} dataSource={data?.items ?? []} columns={columns} data-testid={testId}
        pagination={{ current: page + 1, pageSize: size, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p - 1) }} />
    </>
  );
}

export function Transactions({ customerId }: { customerId: string }) {
  const { t, money, date, num } = useI18n();
  return <RecordTable<Transaction> path={`/customers/${encodeURIComponent(customerId)}/transactions`} testId="c360-transactions" columns={[
    { title: t('tx.date'), dataIndex: 'date', render: (d: string) => date(d) },
    { title: t('tx.amount'), dataIndex: 'amount', align: 'right', render: (a: number) => money(a) },
    { title: t('tx.orderId'), dataIndex: 'orderId' },
    { title: t('tx.product'), dataIndex: 'product' },
    { title: t('tx.category'), dataIndex: 'category' },
    { title: t('tx.quantity'), dataIndex: 'quantity', align: 'right', render: (q: number | null) => num(q) },
    { title: t('tx.channel'), dataIndex: 'channel' },
  ]} />;
}

export function Interactions({ customerId }: { customerId: string }) {
  const { t, dateTime } = useI18n();
  return <RecordTable<Interaction> path={`/customers/${encodeURIComponent(customerId)}/interactions`} testId="c360-interactions" columns={[
    { title: t('ix.time'), dataIndex: 'time', render: (d: string) => dateTime(d) },
    { title: t('ix.type'), dataIndex: 'type' },
    { title: t('tx.channel'), dataIndex: 'channel' },
    { title: t('ix.outcome'), dataIndex: 'outcome' },
  ]} />;
}

export function Surveys({ customerId }: { customerId: string }) {
  const { t, dateTime } = useI18n();
  return <RecordTable<Survey> path={`/customers/${encodeURIComponent(customerId)}/surveys`} testId="c360-surveys" columns={[
    { title: t('ix.time'), dataIndex: 'time', render: (d: string) => dateTime(d) },
    { title: t('sv.nps'), dataIndex: 'nps', align: 'right' },
    { title: t('sv.csat'), dataIndex: 'csat', align: 'right' },
    { title: t('sv.comment'), dataIndex: 'comment' },
  ]} />;
}
