// One experiment's result (GET /experiments/{id}): design, warnings, minimum detectable effect, and per tier and
// overall the treated group against the held-out one with the difference, its 95 % interval and the group sizes.
import { Alert, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackCrumb } from '../../components/DetailLink';
import { NotFound } from '../../components/NotFound';
import { TierTag } from '../../components/TierTag';
import { MdeList } from './MdeList';
import { formatInterval, formatValue, formatDifference, warningsOf, type Comparison, type ExperimentDetail as Detail, type Group } from './experiments';

export default function ExperimentDetail() {
  const { id = '' } = useParams();
  const { t, lang, num, money, pct, date } = useI18n();
  const { data, error } = useLoad(() => api<Detail>(`/experiments/${encodeURIComponent(id)}`), [id]);
  if (error?.status === 404) return <NotFound />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Spin />;
  const e = data.experiment;
  const groups: Group[] = [...data.tiers, data.overall];
  return (
    <div data-testid="experiment" data-id={e.id}>
      <BackCrumb fallback="/experiments" current={e.id} />
      <Space align="center" style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{e.id}</Typography.Title>
        <Tag color={e.status === 'running' ? 'processing' : 'default'}>{t(`exp.status.${e.status}`)}</Tag>
        <Typography.Text type="secondary">{t('exp.modelVersion', { version: e.modelVersion })}</Typography.Text>
      </Space>
      {e.ended && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={e.ended.text[lang]} data-testid="exp-ended" />}
      {data.warnings.filter((w) => w.tier === '').map((w, i) => (
        <Alert key={i} type="warning" showIcon style={{ marginBottom: 8 }} message={w.text[lang]} data-testid={`exp-warning-${w.code}`} />
      ))}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'share', label: t('exp.share'), children: pct(e.share) },
          { key: 'tiers', label: t('exp.tiers'), children: data.strata.map((s) => (
            <span key={s.tier}><TierTag tier={s.tier} /> {t('exp.enrolled', { n: num(s.enrolled) })} · {t('exp.cutoff', { cutoff: s.cutoff.toFixed(3) })}<br /></span>)) },
          { key: 'started', label: t('exp.started'), children: date(e.startedAsOf) },
          { key: 'end', label: t('exp.plannedEnd'), children: date(e.plannedEnd) },
          { key: 'period', label: t('exp.window'), children: t('exp.period', { from: date(data.window.from), to: date(data.window.to), preFrom: date(data.window.preFrom) }) },
        ]} />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('exp.evidence')}</Typography.Paragraph>
      </Card>
      <Card size="small" title={t('exp.mde')} style={{ marginBottom: 16 }} data-testid="exp-mde">
        <MdeList mde={data.mde} />
      </Card>
      {groups.map((g) => (
        <Card key={g.tier || '*'} size="small" style={{ marginBottom: 16 }} data-testid={`exp-group-${g.tier || 'overall'}`}
          title={<Space>{g.tier ? <TierTag tier={g.tier} /> : <b>{t('exp.overall')}</b>}
            <Typography.Text type="secondary">{t('exp.n')}: {num(g.treated)} / {num(g.heldOut)}</Typography.Text></Space>}>
          {g.tier !== '' && warningsOf(data.warnings, g.tier, lang).map((w) => (
            <Typography.Paragraph key={w} type="warning" style={{ marginBottom: 4 }}>{w}</Typography.Paragraph>))}
          <Table<Comparison> size="small" pagination={false} rowKey="metric" dataSource={g.comparisons} scroll={{ x: 700 }}
            columns={[
              { title: t('exp.metric'), key: 'metric', render: (_: unknown, c: Comparison) => c.label[lang] },
              { title: t('exp.treated'), dataIndex: 'treated', align: 'right', render: (v: number | null, c: Comparison) => formatValue(c.metric, v, money) },
              { title: t('exp.heldOut'), dataIndex: 'heldOut', align: 'right', render: (v: number | null, c: Comparison) => formatValue(c.metric, v, money) },
              { title: t('exp.difference'), key: 'difference', render: (_: unknown, c: Comparison) => {
                const text = formatInterval(c.metric, c.difference, money);
                if (!text) return <Typography.Text type="secondary" data-testid="exp-too-few">{t('exp.tooFew')}</Typography.Text>;
                return (
                  <span data-testid={`exp-diff-${c.metric}`}>
                    {c.difference?.excludesZero ? <b>{text}</b> : text}
                    {c.difference?.excludesZero && <Tag color="green" style={{ marginLeft: 6 }}>{t('exp.significant')}</Tag>}
                    {c.bootstrap && <div><Typography.Text type="secondary">{t('exp.bootstrap', {
                      lower: formatDifference(c.metric, c.bootstrap.lower, money), upper: formatDifference(c.metric, c.bootstrap.upper, money) })}</Typography.Text></div>}
                  </span>
                );
              } },
              { title: t('exp.n'), key: 'n', align: 'right', render: (_: unknown, c: Comparison) => `${num(c.nTreated)} / ${num(c.nHeldOut)}` },
            ]} />
        </Card>
      ))}
    </div>
  );
}
