// The experiments (GET /experiments): running ones first, each linking to its result; below, the before/after of
// the latest model change.
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TierTag } from '../../components/TierTag';
import type { ExperimentSummary } from './experiments';
import { BeforeAfterCard } from './BeforeAfterCard';
import { ExperimentPlan } from './ExperimentPlan';
import { useSession } from '../../auth/Session';

export default function Experiments() {
  const { t, lang, pct, date } = useI18n();
  const { data, error, loading } = useLoad(() => api<ExperimentSummary[]>('/experiments'), []);
  const session = useSession();
  if (error) return <ErrorAlert error={error} />;
  return (
    <>
      <Card title={t('exp.title')} data-testid="experiments">
        {data && data.length === 0 ? <Empty description={t('exp.none')} /> : (
          <Table<ExperimentSummary> size="small" loading={loading} rowKey="id" dataSource={data ?? []} pagination={false}
            columns={[
              { title: t('exp.id'), dataIndex: 'id', render: (id: string) => <DetailLink to={`/experiments/${encodeURIComponent(id)}`} data-testid={`exp-${id}`}>{id}</DetailLink> },
              { title: t('exp.share'), dataIndex: 'share', align: 'right', render: (v: number) => pct(v) },
              { title: t('exp.tiers'), dataIndex: 'tiers', render: (tiers: string[]) => tiers.map((x) => <TierTag key={x} tier={x} />) },
              { title: t('exp.started'), dataIndex: 'startedAsOf', render: (v: string) => date(v) },
              { title: t('exp.plannedEnd'), dataIndex: 'plannedEnd', render: (v: string) => date(v) },
              { title: t('exp.status'), key: 'status', render: (_: unknown, e: ExperimentSummary) => (
                <>
                  <Tag color={e.status === 'running' ? 'processing' : 'default'}>{t(`exp.status.${e.status}`)}</Tag>
                  {e.ended && <Typography.Text type="secondary">{e.ended.text[lang]}</Typography.Text>}
                </>
              ) },
            ]} />
        )}
      </Card>
      {session.can('dryRunModel') && <ExperimentPlan />}
      <BeforeAfterCard />
    </>
  );
}
