// The tier forecast (GET /forecast): next period's customers per tier with 95 % intervals, the transition matrix
// it comes from, model changes left out, and the backtest of past periods (README "Tier forecast").
import { Alert, Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { TierTag } from '../../components/TierTag';
import { useMeta } from '../../api/Meta';
import { loadOnce } from './dashboardLoads';
import { backtestByPeriod, coverage, type BacktestRow, type Forecast, type ForecastRow } from './forecast';

export function ForecastPanel({ snapshot }: { snapshot: number }) {
  const { t, num, pct, date } = useI18n();
  const { tierName } = useMeta();
  const { data } = useLoad((signal) => loadOnce<Forecast>('/forecast', signal), [snapshot]);
  if (!data) return null;
  const range = (low: number, high: number) => `${num(low, 1)} – ${num(high, 1)}`;
  const periods = backtestByPeriod(data.backtest);
  const { covered, total } = coverage(data.backtest);
  const m = data.matrix;

  return (
    <Card size="small" title={t('forecast.title')} data-testid="forecast">
      {data.modelChanges.map((c) => (
        <Typography.Paragraph key={c.after} type="warning" data-testid="forecast-model-change">
          {t('forecast.modelChange', { before: c.versionBefore, beforeDate: date(c.before), after: c.versionAfter, afterDate: date(c.after) })}
        </Typography.Paragraph>
      ))}
      {data.unavailable && <Alert type="info" showIcon data-testid="forecast-unavailable"
        message={t(data.unavailable === 'model_changed' ? 'forecast.model_changed' : 'forecast.one_snapshot', { version: data.modelVersion })} />}
      {m && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Table<ForecastRow> size="small" pagination={false} rowKey="tier" dataSource={data.forecast} data-testid="forecast-tiers"
              columns={[
                { title: t('forecast.tier'), dataIndex: 'tier', render: (x: string) => <TierTag tier={x} /> },
                { title: t('forecast.now'), dataIndex: 'current', align: 'right', render: (v: number) => num(v) },
                { title: t('forecast.expected'), dataIndex: 'expected', align: 'right', render: (v: number) => num(v, 1) },
                { title: t('forecast.interval'), key: 'interval', align: 'right', render: (_: unknown, r: ForecastRow) => range(r.low, r.high) },
                { title: t('forecast.risk'), dataIndex: 'downgradeRisk', align: 'right', render: (v: number | null) => (v === null ? '—' : pct(v)) },
              ]} />
            {data.tiersWithoutHistory.length > 0 && <Typography.Paragraph type="secondary">
              {t('forecast.noHistory', { tiers: data.tiersWithoutHistory.map(tierName).join(', ') })}</Typography.Paragraph>}
          </Col>
          <Col xs={24} xl={14}>
            <Typography.Text strong>{t('forecast.matrix', { pairs: m.pairs, from: date(m.from), to: date(m.to), version: data.modelVersion })}</Typography.Text>
            <Table size="small" pagination={false} rowKey="from" scroll={{ x: true }} data-testid="forecast-matrix"
              dataSource={data.tiers.map((from, i) => ({ from, i }))}
              columns={[
                { title: t('forecast.from'), dataIndex: 'from', render: (x: string) => <TierTag tier={x} /> },
                ...data.tiers.map((to, j) => ({
                  title: tierName(to), key: to, align: 'right' as const,
                  render: (_: unknown, r: { i: number }) => {
                    const p = m.probabilities[r.i][j];
                    return p === null ? '—' : `${num(m.counts[r.i][j])} (${pct(p)})`;
                  },
                })),
              ]} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('forecast.matrixHelp')}</Typography.Text>
          </Col>
        </Row>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('forecast.backtest')}</Typography.Title>
      {total === 0 ? <Empty description={t('forecast.noBacktest')} /> : (
        <>
          <Typography.Paragraph type="secondary" data-testid="forecast-coverage">{t('forecast.backtestSummary', { covered, total })}</Typography.Paragraph>
          <Table<BacktestRow> size="small" rowKey={(r) => `${r.asOf}:${r.tier}`} data-testid="forecast-backtest"
            dataSource={periods.flatMap((p) => p.rows)} pagination={{ pageSize: 8, size: 'small' }}
            columns={[
              { title: t('forecast.asOf'), dataIndex: 'asOf', render: (d: string) => date(d) },
              { title: t('forecast.tier'), dataIndex: 'tier', render: (x: string) => <TierTag tier={x} /> },
              { title: t('forecast.expected'), dataIndex: 'expected', align: 'right', render: (v: number) => num(v, 1) },
              { title: t('forecast.interval'), key: 'interval', align: 'right', render: (_: unknown, r: BacktestRow) => range(r.low, r.high) },
              { title: t('forecast.actual'), dataIndex: 'actual', align: 'right', render: (v: number) => num(v) },
              { title: t('forecast.covered'), dataIndex: 'covered', align: 'center', render: (v: boolean) => (v ? t('yes') : <Typography.Text type="danger">{t('no')}</Typography.Text>) },
            ]} />
        </>
      )}
    </Card>
  );
}
