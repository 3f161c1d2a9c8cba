// One customer on one page: profile, tier and why, scores, CLV, history, product preference, service tasks and raw
// records.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Statistic, Tabs, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import type { CustomerDetail, Override, TierHistoryEntry } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { HeldOutNotice } from '../experiments/HeldOutNotice';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { actorName } from '../../i18n/actors';
import { labelOf } from '../../i18n/locale';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackCrumb } from '../../components/DetailLink';
import { errorText } from '../../i18n/errors';
import { NotFound } from '../../components/NotFound';
import { TierTag } from '../../components/TierTag';
import { OverrideDialog } from './OverrideDialog';
import { OverrideHistory } from './OverrideHistory';
import { Interactions, Surveys, Transactions } from './Records';
import { CustomerTasks } from './CustomerTasks';
import { ServiceOutlook } from './ServiceOutlook';
import { ProductPreference } from './ProductPreference';
import { ChurnCard } from './ChurnCard';
import { MergedFromNotice, MergedNotice } from './MergedNotice';
import { CustomerTags } from './CustomerTags';

// Metrics shown in the scores panel, in reading order; code-list values are translated through /meta.
const METRICS: [string, 'num' | 'money' | 'pct' | 'code:segments' | 'code:segments11' | 'code:lifecycle' | 'code:quadrants' | 'text'][] = [
  ['recency_days', 'num'], ['frequency', 'num'], ['monetary', 'money'], ['avg_order_value', 'money'], ['annual_value', 'money'],
  ['r_score', 'num'], ['f_score', 'num'], ['m_score', 'num'], ['rfm_segment', 'code:segments'], ['rfm_segment11', 'code:segments11'],
  ['abc_class', 'text'], ['lifecycle_stage', 'code:lifecycle'], ['value_quadrant', 'code:quadrants'],
  ['composite_score', 'num'], ['historical_score', 'num'], ['potential_score', 'num'], ['strategic_score', 'num'],
  ['interactions', 'num'], ['complaints', 'num'], ['nps', 'num'], ['csat', 'num'],
];

export default function Customer360() {
  const { id = '' } = useParams();
  const { t, lang, num, money, pct, date, dateTime } = useI18n();
  const { tierName, codeName, metricName } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [overriding, setOverriding] = useState(false);
  const path = `/customers/${encodeURIComponent(id)}`;
  const detail = useLoad(() => api<CustomerDetail>(path), [path]);
  const history = useLoad(() => api<TierHistoryEntry[]>(`${path}/history`), [path]);
  const overrides = useLoad(() => api<Override[]>(`${path}/overrides`), [path]);

  if (detail.error?.status === 404) return <NotFound />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Spin />;
  const c = detail.data;
  const m = c.metrics;
  const metric = (key: string, kind: typeof METRICS[number][1]) => {
    const value = m[key];
    if (value === null || value === undefined) return '—';
    if (kind === 'money') return money(Number(value));
    if (kind === 'pct') return pct(Number(value));
    if (kind === 'num') return num(Number(value), 2);
    if (kind.startsWith('code:')) return codeName(kind.slice(5) as 'segments', String(value));
    return String(value);
  };

  const removeOverride = async () => {
    try {
      await api(`${path}/override`, { method: 'DELETE' });
      message.success(t('c360.overrideRemoved'));
      detail.reload(); history.reload(); overrides.reload();
    } catch (e) { message.error(errorText(e, t)); }
  };

  return (
    <div data-testid="customer-360" data-id={c.id}>
      <BackCrumb fallback="/customers" current={c.profile.name ?? c.id} />
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="c360-name">{c.profile.name ?? c.id}</Typography.Title>
        <Typography.Text type="secondary">{c.id}</Typography.Text>
        {!c.mergedInto?.applied && <TierTag tier={c.tier} testId="c360-tier" />}
        {session.can('overrideTier') && (
          <Button onClick={() => setOverriding(true)} data-testid="c360-override-open">{t('c360.override')}</Button>
        )}
        {session.can('overrideTier') && c.override && (
          <Popconfirm title={t('c360.removeConfirm')} onConfirm={removeOverride} okButtonProps={{ 'data-testid': 'c360-override-remove-confirm' }}>
            <Button danger data-testid="c360-override-remove">{t('c360.removeOverride')}</Button>
          </Popconfirm>
        )}
      </Space>
      {c.override && (
        <Typography.Paragraph data-testid="c360-override">
          {t('c360.overrideBy', { user: actorName(c.override.createdBy, t), reason: c.override.reason })}{' '}
          ({c.override.expiresAt ? t('c360.until', { date: dateTime(c.override.expiresAt) }) : t('c360.noExpiry')}) ·{' '}
          {t('c360.modelTier')}: {tierName(c.modelTier)}
        </Typography.Paragraph>
      )}
      <CustomerTags customerId={c.id} />
      <MergedNotice merged={c.mergedInto} />
      <MergedFromNotice merged={c.mergedFrom} />
      <HeldOutNotice customerId={c.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('c360.profile')} size="small">
            <Descriptions column={1} size="small" items={[
              ['cust.owner', c.profile.owner], ['cust.industry', c.profile.industry], ['c360.size', c.profile.size],
              ['cust.region', c.profile.region], ['c360.phone', c.profile.phone], ['c360.email', c.profile.email],
              ['c360.birthday', date(c.profile.birthday)], ['c360.created', date(c.profile.created)],
              ['c360.snapshot', c.snapshot ? `${t('c360.run', { run: c.snapshot.runId })} · ${date(c.snapshot.asOf)}` : null],
            ].map(([label, value]) => ({ key: label as string, label: t(label as 'cust.owner'), children: value ?? '—' }))} />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('c360.why')} size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="c360-explanation">
              {(typeof c.explanation === 'string' ? c.explanation : labelOf(c.explanation, lang)) || '—'}
            </Typography.Paragraph>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('c360.clv')} value={metric('clv', 'money')} data-testid="c360-clv" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('c360.pAlive')} value={metric('p_alive', 'pct')} data-testid="c360-palive" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('c360.churnRisk')} value={metric('churn_risk', 'pct')} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('c360.expected90')} value={metric('expected_purchases_90d', 'num')} data-testid="c360-expected" /></Card></Col>
            {m && <Col xs={24}><ChurnCard metrics={m} /></Col>}
          </Row>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('c360.metrics')} size="small">
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="c360-metrics"
              items={METRICS.map(([key, kind]) => ({ key, label: <span title={key} data-metric={key}>{metricName(key)}</span>, children: metric(key, kind) }))} />
            {c.summary && (
              <Descriptions title={t('c360.summary')} column={{ xs: 1, md: 3 }} size="small" style={{ marginTop: 16 }} items={[
                { key: 'first', label: t('c360.firstPurchase'), children: date(c.summary.firstPurchase) },
                { key: 'last', label: t('c360.lastPurchase'), children: date(c.summary.lastPurchase) },
                { key: 'orders', label: t('c360.orders'), children: num(c.summary.orders) },
                { key: 'days', label: t('c360.purchaseDays'), children: num(c.summary.purchaseDays) },
                { key: 'net', label: t('c360.net'), children: money(c.summary.net) },
                { key: 'refunds', label: t('c360.refunds'), children: money(c.summary.refunds) },
              ]} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('c360.history')} size="small" data-testid="c360-history">
            <Timeline items={(history.data ?? []).map((h) => ({
              key: h.runId,
              children: (
                <span data-testid="c360-history-entry">
                  {date(h.asOf)} · <TierTag tier={h.tier} />
                  {h.overridden && <Typography.Text type="secondary">({t('c360.modelTier')}: {tierName(h.modelTier)})</Typography.Text>}
                </span>
              ),
            }))} />
          </Card>
          <OverrideHistory overrides={overrides.data} />
          <ServiceOutlook customerId={c.id} />
          <ProductPreference customerId={c.id} />
        </Col>
        <Col xs={24}>
          <CustomerTasks customerId={c.id} />
        </Col>
        <Col xs={24}>
          <Card size="small">
            <Tabs items={[
              { key: 'tx', label: t('c360.transactions'), children: <Transactions customerId={c.id} /> },
              { key: 'ix', label: t('c360.interactions'), children: <Interactions customerId={c.id} /> },
              { key: 'sv', label: t('c360.surveys'), children: <Surveys customerId={c.id} /> },
            ]} />
          </Card>
        </Col>
      </Row>
      {overriding && (
        <OverrideDialog customerId={c.id} currentTier={c.tier} onCancel={() => setOverriding(false)}
          onDone={() => { setOverriding(false); message.success(t('c360.overrideSaved')); detail.reload(); history.reload(); overrides.reload(); }} />
      )}
    </div>
  );
}
