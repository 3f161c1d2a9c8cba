// Headline KPIs and the charts of the current snapshot; every figure is aggregated by the server.
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { Card, Col, Empty, Row, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Dashboard as DashboardData, Flow, Migration } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { EChart, type ChartClick } from '../../charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TierTag } from '../../components/TierTag';
import { lifecycleOption, quadrantOption, rfmOption, revenuePieOption, sankeyOption, tierBarOption, trendOption, type Labels } from './charts';
import { quadrantMatrix } from '../../charts/shape';
import { MigrationCustomers, type FlowChoice } from './MigrationCustomers';
import { KpiSection } from './KpiSection';
import { ForecastPanel } from './ForecastPanel';
import { SatisfactionCard } from './SatisfactionCard';
import { dropDashboardLoads, loadOnce, startDashboardLoads, takeStarted } from './dashboardLoads';

const STAGES = ['potential', 'new', 'active', 'dormant', 'churned'];

export default function Dashboard() {
  const i18n = useI18n();
  const { t, num, money, moneyShort, pct, date } = i18n;
  const { meta, tierName, codeName } = useMeta();
  // Every card's first request starts here, beside the dashboard's own, rather than once the cards mount.
  const { data, error, loading } = useLoad((signal) => {
    startDashboardLoads();
    return loadOnce<DashboardData>('/dashboard', signal);
  }, []);
  useEffect(() => dropDashboardLoads, []);
  const [flow, setFlow] = useState<FlowChoice | null>(null);
  const navigate = useNavigate();
  // Up/down/entered/left totals of the same two runs; the dashboard answer carries only the flows.
  // The default pair (the two latest runs) was asked for early; another pair is asked for by its ids.
  const migrationTotals = useLoad(async (signal) => {
    const pair = data?.migration;
    if (!pair) return null;
    const early = await takeStarted<Migration>('/migrations')?.catch(() => null);
    if (early && early.from.id === pair.from && early.to.id === pair.to) return early;
    return api<Migration>(`/migrations?from=${pair.from}&to=${pair.to}`, { signal });
  }, [data?.migration?.from, data?.migration?.to]);

  const order = useMemo(() => meta?.tiers.map((x) => x.id) ?? data?.tiers.map((x) => x.tier) ?? [], [meta, data]);
  const labels: Labels = {
    tierName, stageName: (s) => codeName('lifecycle', s), money, date,
    customers: t('dash.customersCount'), revenue: t('dash.revenue'), earlier: t('mig.earlier'), later: t('mig.later'),
    quadrant: {
      name: (code) => codeName('quadrants', code), cell: (n, revenue) => t('dash.quadrant.cell', { customers: num(n), revenue: moneyShort(revenue) }),
      value: t('dash.quadrant.value'), potential: t('dash.quadrant.potential'), low: t('dash.quadrant.low'), high: t('dash.quadrant.high'),
    },
  };
  // Options are rebuilt when the language or data change, so chart labels switch language with the UI.
  const options = useMemo(() => data && {
    tiers: tierBarOption(data, order, labels), revenue: revenuePieOption(data, order, labels),
    trend: trendOption(data, order, labels), lifecycle: lifecycleOption(data, STAGES, labels), rfm: rfmOption(data, labels),
    quadrants: quadrantOption(data, labels),
    sankey: data.migration ? sankeyOption(data.migration.flows, order, labels) : null,
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, order, i18n.lang, meta]);

  if (loading && !data) return <Spin />;
  if (error) return <ErrorAlert error={error} />;
  if (!data || !options) return null;
  if (!data.run) return <Empty description={t('dash.noRun')} data-testid="dashboard-empty" />;

  const migration = data.migration;
  const openFlow = (from: string, to: string) => migration && setFlow({ fromRun: migration.from, toRun: migration.to, fromTier: from, toTier: to });
  const onSankeyClick = (event: ChartClick) => {
    const link = event.data as { fromTier?: string; toTier?: string } | undefined;
    if (event.dataType === 'edge' && link?.fromTier && link.toTier) openFlow(link.fromTier, link.toTier);
  };
  // Between two model versions tiers are not ranked against each other: a model change, not ups and downs.
  const migrationSummary = (m: Migration) => {
    const counts = { same: num(m.same), entered: num(m.entered), left: num(m.left) };
    return m.modelChange
      ? t('mig.modelChange', { from: m.modelChange.from ?? '?', to: m.modelChange.to ?? '?', changed: num(m.changed), ...counts })
      : t('mig.summary', { up: num(m.up ?? 0), down: num(m.down ?? 0), ...counts });
  };
  const onQuadrantClick = (event: ChartClick) => {
    const quadrant = (event.data as { quadrant?: string } | undefined)?.quadrant;
    if (quadrant) navigate(`/customers?quadrant=${encodeURIComponent(quadrant)}`);
  };
  const unknownQuadrant = quadrantMatrix(data.quadrants ?? []).unknown;
  const kpi = data.kpis;
  // Cards show money in 万/亿 (the full figure on hover): a phone has room for little more than four characters.
  const kpis: [string, string, string, string?][] = [
    ['customers', t('kpi.customers'), num(kpi.customers)], ['buyers', t('kpi.buyers'), num(kpi.buyers)],
    ['revenue', t('kpi.revenue'), moneyShort(kpi.revenue), money(kpi.revenue)], ['repeat-rate', t('kpi.repeatRate'), pct(kpi.repeatRate)],
    ['at-risk-revenue', t('kpi.atRiskRevenue'), moneyShort(kpi.atRiskRevenue), money(kpi.atRiskRevenue)],
    ['avg-clv', t('kpi.avgClv'), moneyShort(kpi.avgClv), money(kpi.avgClv)],
  ];
  // Movers first (what the reader looks for), then those who stayed, each by size.
  const listedFlows = (migration?.flows ?? []).filter((f): f is Flow & { from: string; to: string } => !!f.from && !!f.to && f.count > 0)
    .sort((a, b) => Number(a.from === a.to) - Number(b.from === b.to) || b.count - a.count);

  return (
    <div data-testid="dashboard">
      <Typography.Paragraph type="secondary" data-testid="dashboard-asof">
        {t('dash.asOf', { date: date(data.run.asOf), run: data.run.id })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {kpis.map(([key, title, value, full]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small"><Statistic value={value} data-testid={`kpi-${key}`} data-full={full} title={key !== 'at-risk-revenue' ? title
              : <Tooltip title={t('kpi.atRiskRevenueHelp')}><span data-testid="kpi-at-risk-help">{title} <QuestionCircleOutlined /></span></Tooltip>} /></Card>
          </Col>
        ))}
        <Col xs={24} xl={12}><Card title={t('dash.tiers')} size="small"><EChart option={options.tiers} testId="chart-tiers" /></Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.revenueShare')} size="small"><EChart option={options.revenue} testId="chart-revenue" /></Card></Col>
        <Col xs={24}>
          <Card title={t('dash.migration')} size="small" extra={<Typography.Text type="secondary" data-testid="migration-summary">
            {migrationTotals.data && `${migrationSummary(migrationTotals.data)} · `}{t('dash.migrationHint')}
          </Typography.Text>}>
            {options.sankey && migration ? (
              <Row gutter={16}>
                <Col xs={24} lg={16}><EChart option={options.sankey} height={380} onClick={onSankeyClick} testId="chart-sankey" /></Col>
                <Col xs={24} lg={8}>
                  {/* The same flows as a list: readable without a mouse, and a stable target for tests. */}
                  <Table size="small" rowKey={(f) => `${f.from}>${f.to}`} dataSource={listedFlows} pagination={{ pageSize: 8, size: 'small' }}
                    onRow={(f) => ({
                      onClick: () => openFlow(f.from, f.to), style: { cursor: 'pointer' },
                      'data-testid': 'migration-flow', 'data-from': f.from, 'data-to': f.to,
                    }) as HTMLAttributes<HTMLElement>}
                    columns={[
                      { title: t('mig.earlier'), dataIndex: 'from', render: (x: string) => <TierTag tier={x} /> },
                      { title: t('mig.later'), dataIndex: 'to', render: (x: string) => <TierTag tier={x} /> },
                      { title: t('dash.customersCount'), dataIndex: 'count', align: 'right', render: (n: number) => num(n) },
                    ]} />
                </Col>
              </Row>
            ) : <Empty description={t('dash.noMigration')} />}
          </Card>
        </Col>
        <KpiSection snapshot={data.run.id} />
        <Col xs={24}><SatisfactionCard /></Col>
        <Col xs={24}><ForecastPanel snapshot={data.run.id} /></Col>
        <Col xs={24} xl={12}><Card title={t('dash.trend')} size="small"><EChart option={options.trend} testId="chart-trend" /></Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.lifecycle')} size="small"><EChart option={options.lifecycle} testId="chart-lifecycle" /></Card></Col>
        <Col xs={24} xl={12}><Card title={t('dash.rfm')} size="small"><EChart option={options.rfm} height={340} testId="chart-rfm" /></Card></Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.quadrants')} size="small" extra={<Typography.Text type="secondary">{t('dash.quadrantsHint')}</Typography.Text>}>
            <EChart option={options.quadrants} height={300} onClick={onQuadrantClick} testId="chart-quadrants" />
            {unknownQuadrant > 0 && <Typography.Text type="secondary" data-testid="quadrants-unknown">
              {t('dash.quadrant.unknown', { customers: num(unknownQuadrant) })}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      {flow && <MigrationCustomers flow={flow} onClose={() => setFlow(null)} />}
    </div>
  );
}
