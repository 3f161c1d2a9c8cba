// KPIs by tier of the current snapshot against the one before it (GET /kpis; README "KPIs by tier" defines them) for
// the group of customers picked in KpiSection, each figure with its change against the previous period or the same
// period a year earlier (GET /kpis/trend of that group).
import { useState, type ReactNode } from 'react';
import { Card, Empty, Segmented, Table, Typography } from 'antd';
import { ApiError } from '../../api/problem';
import { useI18n } from '../../i18n/I18n';
import { TierTag } from '../../components/TierTag';
import {
  baseOf, change, formatChange, formatKpi, KPIS, kpiValue, matchingRow, modelChangedBetween,
  type Comparison, type KpiKey, type KpiPoint, type KpiRow,
} from './kpiTrend';
import { useKpiFormats } from './KpiTrend';
import { rowsOf, seesAll, type GroupChoice, type KpiGroup } from './kpiGroups';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../auth/Session';

export interface KpiTable { runId: number; asOf: string; fromAsOf: string | null; modelChanged: boolean; groups: KpiGroup[] }

/** The name of the group shown, above the table. */
function useGroupLabel() {
  const { t } = useI18n();
  const { me } = useSession();
  return (choice: GroupChoice): string => {
    if (choice.dimension === 'all') return t('kpiGroup.all');
    if (choice.dimension === 'owner' && me?.role === 'sales') return t('kpiGroup.own');
    return t(`kpiGroup.${choice.dimension}` as MessageKey, { name: choice.group });
  };
}

/** Lower is better for these: a rise shows in red. */
const WORSE_WHEN_UP: KpiKey[] = ['churnRate', 'complaintsPer100'];

export function KpiByTier({ snapshot, table: data, error, choice, picker, trend }: {
  snapshot: number; table: KpiTable | null; error: ApiError | null; choice: GroupChoice | null; picker: ReactNode;
  trend: KpiPoint[] | null;
}) {
  const { t, num, date } = useI18n();
  const formats = useKpiFormats();
  const groupLabel = useGroupLabel();
  const [comparison, setComparison] = useState<Comparison>('previous');
  const rows = data ? rowsOf(data.groups, choice) : null;
  // A manager of a snapshot computed before the team had reps gets the reps alone: say whose figures they are.
  const noTeam = !!data && !seesAll(data.groups) && data.groups.length > 1
    && !data.groups.some((g) => g.dimension === 'team');
  const points = trend ?? [];
  const current = points.find((p) => p.runId === snapshot);
  const base = baseOf(points, snapshot, comparison);
  const tiersChanged = !!(base && current && modelChangedBetween(points, base, current));

  const cell = (key: KpiKey) => (_: unknown, r: KpiRow): ReactNode => {
    const now = kpiValue(r, key);
    const before = base && !(tiersChanged && r.tier !== null) ? kpiValue(matchingRow(base, r), key) : null;
    const kind = KPIS.find((k) => k.key === key)?.change ?? 'absolute';
    const delta = change(kind, now, before);
    const worse = delta !== null && delta !== 0 && (delta > 0) === WORSE_WHEN_UP.includes(key);
    return (
      <div>
        <div>{now !== null && key === 'nps' ? `${num(now, 0)} (${num(r.npsAnswers)})`
          : now !== null && key === 'csat' ? `${formatKpi(key, now, formats)} (${num(r.csatAnswers)})`
          : now !== null && key === 'taskCompletion' ? `${formatKpi(key, now, formats)} (${num(r.tasksDue ?? 0)})`
          : formatKpi(key, now, formats)}</div>
        {delta !== null && (
          <Typography.Text type={delta === 0 ? 'secondary' : worse ? 'danger' : 'success'} style={{ fontSize: 12 }}
            data-testid={`kpi-change-${key}`}>{formatChange(key, kind, delta, formats)}</Typography.Text>
        )}
      </div>
    );
  };
  const column = (key: KpiKey, title: string) => ({ title, key, align: 'right' as const, render: cell(key) });

  return (
    <Card size="small" data-testid="kpi-by-tier"
      title={<span>{t('kpiTier.title')}{data && choice && <Typography.Text type="secondary" data-testid="kpi-group-label">
        {` · ${groupLabel(choice)}`}</Typography.Text>}</span>}
      extra={data && <Typography.Text type="secondary">{data.fromAsOf
        ? t('kpiTier.period', { from: date(data.fromAsOf), to: date(data.asOf) }) : t('kpiTier.history', { to: date(data.asOf) })}</Typography.Text>}>
      {data?.modelChanged && <Typography.Paragraph type="warning">{t('kpiTier.modelChanged')}</Typography.Paragraph>}
      {noTeam && <Typography.Paragraph type="secondary" data-testid="kpi-no-team">{t('kpiGroup.noTeam')}</Typography.Paragraph>}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 8 }}>
        {picker}
        <Segmented<Comparison> size="small" value={comparison} onChange={setComparison} data-testid="kpi-compare"
          options={[{ value: 'previous', label: t('compare.previous') }, { value: 'year', label: t('compare.year') }]} />
        <Typography.Text type="secondary" data-testid="kpi-compare-base">
          {base?.fromAsOf ? t('compare.against', { from: date(base.fromAsOf), to: date(base.asOf) }) : t('compare.none')}
          {tiersChanged && ` ${t('compare.modelChanged')}`}
        </Typography.Text>
      </div>
      {!rows ? <Empty description={!error ? undefined
        : error instanceof ApiError && error.code === 'kpis_computing' ? t('err.kpis_computing') : t('kpiTier.none')} /> : (
        <Table<KpiRow> size="small" pagination={false} rowKey={(r) => r.tier ?? '*'} dataSource={rows} scroll={{ x: 1650 }}
          columns={[
            { title: t('kpiTier.tier'), dataIndex: 'tier', fixed: 'left', render: (x: string | null) => (x ? <TierTag tier={x} /> : <b>{t('kpiTier.all')}</b>) },
            column('customers', t('kpiTier.customers')), column('buyers', t('kpiTier.buyers')),
            column('revenueCents', t('kpiTier.revenue')), column('revenueShare', t('kpiTier.share')),
            column('averageOrderValue', t('kpiTier.aov')), column('repurchaseRate', t('kpiTier.repurchase')),
            column('retention', t('kpiTier.retention')), column('churnRate', t('kpiTier.churn')),
            { title: t('kpiTier.moved'), key: 'moved', align: 'right', render: (_: unknown, r: KpiRow) => (r.movedUp === null ? '—' : `↑${num(r.movedUp)} ↓${num(r.movedDown ?? 0)}`) },
            column('averageClv', t('kpiTier.clv')), column('averagePAlive', t('kpiTier.pAlive')),
            column('nps', t('kpiTier.nps')), column('csat', t('kpiTier.csat')),
            column('complaintsPer100', t('kpiTier.complaints')),
            column('contactCoverage', t('kpiTier.coverage')), column('taskCompletion', t('kpiTier.completion')),
          ]} />
      )}
    </Card>
  );
}
