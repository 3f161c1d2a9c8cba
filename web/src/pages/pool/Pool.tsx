// 公海: customers without an owner, with why they are here; reps claim them (under their tier's holding cap),
// admins assign them. The server's refusals (already_claimed, over_cap …) are shown translated.
import { useState } from 'react';
import { App, Button, Grid, Input, List, Select, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { DetailLink } from '../../components/DetailLink';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Ownership, Page, Pooled } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { canClaim } from '../../auth/roles';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TierTag } from '../../components/TierTag';
import { AssignDialog } from './AssignDialog';
import { cursorFor } from '../customers/paging';

export default function Pool() {
  const { t, num, dateTime } = useI18n();
  const { options } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tier = params.get('tier') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 0);
  const size = 50;
  const after = params.get('after');
  const query = buildQuery({ tier, q, page, size, after });
  const { data, error, loading, reload } = useLoad(() => api<Page<Pooled>>('/pool' + query), [query]);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<Pooled | null>(null);
  const phone = !Grid.useBreakpoint().md;
  const mayClaim = canClaim(session.me);
  const mayAssign = session.can('assignFromPool');

  const update = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) if (value === '' || value === 0) next.delete(key); else next.set(key, String(value));
    // A new filter starts again at the first page; a cursor belongs to the move that asked for it.
    if (!('page' in changes)) next.delete('page');
    if (!('after' in changes)) next.delete('after');
    setParams(next);
  };

  const claim = async (row: Pooled) => {
    setClaiming(row.id);
    try {
      const owned = await api<Ownership>(`/pool/${encodeURIComponent(row.id)}/claim`, { method: 'POST' });
      message.success(<span data-testid="pool-claimed" data-id={owned.customerId}>
        {t('pool.claimed', { id: owned.customerId, owner: owned.owner })}{' '}
        <DetailLink to={`/customers/${encodeURIComponent(owned.customerId)}`}>{row.name ?? row.id}</DetailLink></span>);
    } catch (e) {
      message.error(<span data-testid="pool-error" data-id={row.id}>{errorText(e, t)}</span>);
    } finally {
      setClaiming(null);
      reload();
    }
  };

  const rule = (r: Pooled['rule']) => t(r ? `pool.rule.${r}` : 'pool.rule.none');
  const actions = (row: Pooled) => (
    <Space size={8}>
      {mayClaim && <Button size="small" type="primary" loading={claiming === row.id} onClick={() => claim(row)}
        data-testid="pool-claim">{t('pool.claim')}</Button>}
      {mayAssign && <Button size="small" onClick={() => setAssigning(row)} data-testid="pool-assign">{t('pool.assign')}</Button>}
    </Space>
  );
  const rowProps = (row: Pooled) => ({ 'data-testid': 'pool-row', 'data-id': row.id, 'data-tier': row.tier ?? '' });
  const pagination = {
    current: page + 1, pageSize: size, total: data?.total ?? 0, showSizeChanger: false, simple: phone,
    showTotal: (n: number) => <span data-testid="pool-total">{t('total', { n: num(n) })}</span>,
    onChange: (p: number) => update({
      page: p - 1, after: cursorFor({ page, size, sort: null }, data?.next, { page: p - 1, size, sort: null }) ?? '',
    }),
  };

  return (
    <div data-testid="pool">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search key={q} allowClear placeholder={t('pool.search')} defaultValue={q} style={{ width: 220 }}
          data-testid="pool-q" onSearch={(v) => update({ q: v })} />
        <Select allowClear placeholder={t('cust.tier')} aria-label={t('cust.tier')} style={{ width: 160 }} value={tier || undefined} data-testid="pool-tier"
          options={options('tiers')} onChange={(v) => update({ tier: v ?? '' })} />
      </Space>
      {!mayClaim && !mayAssign && <Typography.Paragraph type="secondary">{t('pool.noOwnerName')}</Typography.Paragraph>}
      <ErrorAlert error={error} />
      {phone ? (
        <List<Pooled> loading={loading} dataSource={data?.items ?? []} rowKey="id" pagination={pagination}
          locale={{ emptyText: t('pool.empty') }} renderItem={(row) => (
            <List.Item {...(rowProps(row) as HTMLAttributes<HTMLElement>)}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>{row.name ?? row.id}</Typography.Text>
                  <TierTag tier={row.tier} />
                </Space>
                <Typography.Text type="secondary">{row.id} · {rule(row.rule)}
                  {row.previousOwner ? ` · ${t('pool.previousOwner')}: ${row.previousOwner}` : ''}</Typography.Text>
                {actions(row)}
              </Space>
            </List.Item>
          )} />
      ) : (
        <Table<Pooled> rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} data-testid="pool-table"
          locale={{ emptyText: t('pool.empty') }} pagination={pagination}
          onRow={(row) => rowProps(row) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'id', dataIndex: 'id', title: t('cust.id') },
            { key: 'name', dataIndex: 'name', title: t('cust.name') },
            { key: 'tier', dataIndex: 'tier', title: t('cust.tier'), render: (v: string | null) => <TierTag tier={v} /> },
            { key: 'industry', dataIndex: 'industry', title: t('cust.industry') },
            { key: 'region', dataIndex: 'region', title: t('cust.region') },
            { key: 'rule', dataIndex: 'rule', title: t('pool.rule'), render: rule },
            { key: 'previousOwner', dataIndex: 'previousOwner', title: t('pool.previousOwner'), render: (v: string | null) => v ?? '—' },
            { key: 'since', dataIndex: 'since', title: t('pool.since'), render: (v: string | null) => dateTime(v) },
            { key: 'actions', title: '', render: (_: unknown, row: Pooled) => actions(row) },
          ]} />
      )}
      {assigning && (
        <AssignDialog customer={assigning} onClose={() => setAssigning(null)}
          onDone={() => { setAssigning(null); reload(); }} />
      )}
    </div>
  );
}
