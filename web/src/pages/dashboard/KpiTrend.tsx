// A trend chart per KPI of the group picked above the KPI table (GET /kpis/trend): choose the KPI, one line per tier
// and one for all tiers, model changes marked on the time axis.
import { useMemo, useState } from 'react';
import { Card, Empty, Select } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { useMeta } from '../../api/Meta';
import { EChart } from '../../charts/EChart';
import { tierColor } from '../../components/TierTag';
import { formatKpi, KPIS, trendLines, type Formats, type KpiKey, type KpiPoint } from './kpiTrend';
import type { GroupChoice } from './kpiGroups';

const MONEY_KPIS: KpiKey[] = ['revenueCents', 'averageOrderValue', 'averageClv'];

export function useKpiFormats(): Formats {
  const { t, num, money, pct } = useI18n();
  return { num: (n, d) => num(n, d), money, pct, points: (n) => t('compare.pp', { n }) };
}

export function KpiTrend({ points, group }: { points: KpiPoint[] | null; group: GroupChoice | null }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { meta, tierName } = useMeta();
  const formats = useKpiFormats();
  const [key, setKey] = useState<KpiKey>('revenueCents');
  const order = useMemo(() => meta?.tiers.map((x) => x.id) ?? [], [meta]);
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!points?.length) return null;
    const { asOf, lines, modelChanges } = trendLines(points, key, order, group);
    const value = (v: number) => formatKpi(key, v, formats);
    // Axis labels in 万/K: full amounts with cents crowded the axis.
    const axis = MONEY_KPIS.includes(key) ? (v: number) => i18n.moneyShort(key === 'revenueCents' ? v / 100 : v) : value;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : value(v)) },
      legend: { bottom: 0 },
      grid: { left: 16, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: asOf.map(date) },
      yAxis: { type: 'value', axisLabel: { formatter: axis } },
      series: lines.map((l, n) => ({
        type: 'line', name: l.tier === null ? t('trend.allTiers') : tierName(l.tier), data: l.values,
        itemStyle: { color: l.tier === null ? '#595959' : tierColor(order, l.tier) },
        lineStyle: l.tier === null ? { type: 'dashed' } : undefined,
        // The model changes are marked once, on the first line.
        markLine: n === 0 && modelChanges.length ? {
          symbol: 'none', lineStyle: { type: 'dotted', color: '#faad14' }, label: { formatter: t('trend.modelChange') },
          data: modelChanges.map((d) => ({ xAxis: date(d) })),
        } : undefined,
      })),
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, key, order, i18n.lang, group?.dimension, group?.group]);
  return (
    <Card size="small" title={t('trend.title')} data-testid="kpi-trend" extra={
      <Select<KpiKey> size="small" value={key} onChange={setKey} style={{ minWidth: 180 }} aria-label={t('trend.kpi')}
        data-testid="kpi-trend-choice" options={KPIS.map((k) => ({ value: k.key, label: t(`kpi.k.${k.key}` as MessageKey) }))} />}>
      {option ? <EChart option={option} testId="chart-kpi-trend" /> : <Empty description={t('trend.none')} />}
    </Card>
  );
}
