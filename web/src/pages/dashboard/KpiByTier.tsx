// KPIs by tier of the current snapshot against the one before it (GET /kpis; README "KPIs by tier" defines them).
import { Card, Empty, Table, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { TierTag } from '../../components/TierTag';

interface KpiRow {
  tier: string | null; customers: number; buyers: number; revenueCents: number; revenueShare: number | null;
  averageOrderValue: number | null; repurchaseRate: number | null; retention: number | null; churnRate: number | null;
  movedUp: number | null; movedDown: number | null; averageClv: number | null; nps: number | null; npsAnswers: number;
  csat: number | null; complaintsPer100: number | null;
}
interface KpiTable { asOf: string; fromAsOf: string | null; modelChanged: boolean; groups: { dimension: string; group: string; rows: KpiRow[] }[] }

export function KpiByTier({ snapshot }: { snapshot: number }) {
  const { t, num, money, pct, date } = useI18n();
  const { data, error } = useLoad(() => api<KpiTable>(`/kpis?snapshot=${snapshot}`), [snapshot]);
  // Everyone's table for those who see all; a sales user gets only their own group, which is the first.
  const group = data?.groups.find((g) => g.dimension === 'all') ?? data?.groups[0];
  const opt = (v: number | null, f: (x: number) => string) => (v === null || v === undefined ? '—' : f(v));
  return (
    <Card size="small" data-testid="kpi-by-tier" title={t('kpiTier.title')}
      extra={data && <Typography.Text type="secondary">{data.fromAsOf
        ? t('kpiTier.period', { from: date(data.fromAsOf), to: date(data.asOf) }) : t('kpiTier.history', { to: date(data.asOf) })}</Typography.Text>}>
      {data?.modelChanged && <Typography.Paragraph type="warning">{t('kpiTier.modelChanged')}</Typography.Paragraph>}
      {!group ? <Empty description={error ? t('kpiTier.none') : undefined} /> : (
        <Table<KpiRow> size="small" pagination={false} rowKey={(r) => r.tier ?? '*'} dataSource={group.rows} scroll={{ x: 1100 }}
          columns={[
            { title: t('kpiTier.tier'), dataIndex: 'tier', fixed: 'left', render: (x: string | null) => (x ? <TierTag tier={x} /> : <b>{t('kpiTier.all')}</b>) },
            { title: t('kpiTier.customers'), dataIndex: 'customers', align: 'right', render: (v: number) => num(v) },
            { title: t('kpiTier.buyers'), dataIndex: 'buyers', align: 'right', render: (v: number) => num(v) },
            { title: t('kpiTier.revenue'), dataIndex: 'revenueCents', align: 'right', render: (v: number) => money(v / 100) },
            { title: t('kpiTier.share'), dataIndex: 'revenueShare', align: 'right', render: (v: number | null) => opt(v, pct) },
            { title: t('kpiTier.aov'), dataIndex: 'averageOrderValue', align: 'right', render: (v: number | null) => opt(v, money) },
            { title: t('kpiTier.repurchase'), dataIndex: 'repurchaseRate', align: 'right', render: (v: number | null) => opt(v, pct) },
            { title: t('kpiTier.retention'), dataIndex: 'retention', align: 'right', render: (v: number | null) => opt(v, pct) },
            { title: t('kpiTier.churn'), dataIndex: 'churnRate', align: 'right', render: (v: number | null) => opt(v, pct) },
            { title: t('kpiTier.moved'), key: 'moved', align: 'right', render: (_: unknown, r: KpiRow) => (r.movedUp === null ? '—' : `↑${num(r.movedUp)} ↓${num(r.movedDown ?? 0)}`) },
            { title: t('kpiTier.clv'), dataIndex: 'averageClv', align: 'right', render: (v: number | null) => opt(v, money) },
            { title: t('kpiTier.nps'), dataIndex: 'nps', align: 'right', render: (v: number | null, r: KpiRow) => (v === null ? '—' : `${num(v, 0)} (${num(r.npsAnswers)})`) },
            { title: t('kpiTier.csat'), dataIndex: 'csat', align: 'right', render: (v: number | null) => opt(v, (x) => num(x, 2)) },
            { title: t('kpiTier.complaints'), dataIndex: 'complaintsPer100', align: 'right', render: (v: number | null) => opt(v, (x) => num(x, 1)) },
          ]} />
      )}
    </Card>
  );
}
