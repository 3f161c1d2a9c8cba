// The customers a dry run would move, filterable by tier and text, exportable as CSV (at most the 5,000 the server lists).
import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import { useMeta } from '../../api/Meta';
import { TierTag } from '../../components/TierTag';
import { useI18n } from '../../i18n/I18n';
import { filterMovers, moversCsv, type Mover } from './movers';

export function DryRunMovers({ movers, moved }: { movers: Mover[]; moved: number }) {
  const { t, num } = useI18n();
  const { tierName } = useMeta();
  const [q, setQ] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const shown = useMemo(() => filterMovers(movers, { q, from, to }), [movers, q, from, to]);
  const tierOptions = (pick: (m: Mover) => string) => [...new Set(movers.map(pick))]
    .map((id) => ({ value: id, label: tierName(id) }));
  const exportCsv = () => {
    const headers = [t('rules.movers.customer'), t('rules.movers.name'), t('rules.movers.owner'), t('rules.movers.from'),
      t('rules.movers.to'), 'from_code', 'to_code'];
    const blob = new Blob([moversCsv(shown, headers, tierName)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${t('rules.movers.file')}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Card size="small" title={`${t('rules.movers.title')} (${num(moved)})`} style={{ marginTop: 12 }} data-testid="dryrun-movers">
      {moved > movers.length && <Typography.Paragraph type="secondary">
        {t('rules.movers.shown', { shown: num(movers.length), n: num(moved) })}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('rules.movers.search')} aria-label={t('rules.movers.search')} value={q}
          onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
        <Select allowClear style={{ width: 150 }} placeholder={t('rules.movers.from')} aria-label={t('rules.movers.from')}
          value={from} onChange={(v) => setFrom(v ?? null)} options={tierOptions((m) => m.from)} />
        <Select allowClear style={{ width: 150 }} placeholder={t('rules.movers.to')} aria-label={t('rules.movers.to')}
          value={to} onChange={(v) => setTo(v ?? null)} options={tierOptions((m) => m.to)} />
        <Button onClick={exportCsv} disabled={!shown.length} data-testid="movers-export">{t('rules.movers.export')}</Button>
      </Space>
      <Table<Mover> size="small" rowKey="customerId" dataSource={shown} pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }} onRow={() => ({ 'data-testid': 'mover-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('rules.movers.customer'), dataIndex: 'customerId', render: (id: string) => <DetailLink to={`/customers/${encodeURIComponent(id)}`}>{id}</DetailLink> },
          { title: t('rules.movers.name'), dataIndex: 'name' },
          { title: t('rules.movers.owner'), dataIndex: 'owner' },
          { title: t('rules.movers.from'), dataIndex: 'from', render: (tier: string) => <TierTag tier={tier} /> },
          { title: t('rules.movers.to'), dataIndex: 'to', render: (tier: string) => <TierTag tier={tier} /> },
        ]} />
    </Card>
  );
}
