// For managers (and admins, analysts): open, overdue and done tasks per rep, counted by the server (each figure is one
// list call's total: exact up to 10,000, shown "10,000+" past it, so it stays cheap at any size), and how well each
// keeps the tiers' cadence (GET /tasks/coverage, per tier on hover). Clicking a rep filters the work list to them.
import type { HTMLAttributes } from 'react';
import { Collapse, Table, Tooltip, Typography } from 'antd';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Page, Task } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { countText } from './tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMeta } from '../../api/Meta';
import { coverageByOwner, type CoverageRow, type RepCoverage } from './coverage';

type Count = Pick<Page<Task>, 'total' | 'totalExact'>;

interface RepCounts { owner: string; open: Count; overdue: Count; done: Count; coverage?: RepCoverage }

const total = (params: Record<string, string>) =>
  api<Page<Task>>('/tasks' + buildQuery({ ...params, size: 1 }))
    .then((page): Count => ({ total: page.total, totalExact: page.totalExact }));

export function TeamSummary({ owners, today, onPick }: { owners: string[]; today: string; onPick: (owner: string) => void }) {
  const { t, num, pct } = useI18n();
  const { tierName } = useMeta();
  const key = owners.join('\n');
  const { data, error, loading } = useLoad(async () => {
    const coverage = coverageByOwner(await api<CoverageRow[]>('/tasks/coverage'));
    return Promise.all(owners.map(async (owner): Promise<RepCounts> => {
      const [open, overdue, done] = await Promise.all([
        total({ owner, status: 'open' }), total({ owner, status: 'open', dueBefore: today }), total({ owner, status: 'done' }),
      ]);
      return { owner, open, overdue, done, coverage: coverage.get(owner) };
    }));
  }, [key, today]);
  const coverageCell = (c: RepCoverage | undefined) => {
    if (!c || c.share === null) return <Typography.Text type="secondary">{t('work.coverageNone')}</Typography.Text>;
    const tiers = c.tiers.map((x) => t('work.coverageTier', {
      tier: tierName(x.tier), covered: num(x.covered), customers: num(x.customers), share: x.customers ? pct(x.covered / x.customers) : '—',
    }));
    return <Tooltip title={tiers.join('；')}><span data-testid="team-coverage">{pct(c.share)}</span></Tooltip>;
  };
  return (
    <Collapse size="small" style={{ marginBottom: 16 }} data-testid="team-summary" items={[{
      key: 'team', label: t('work.team'), children: (
        <>
          <ErrorAlert error={error} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('work.teamHint')}</Typography.Paragraph>
          <Table<RepCounts> size="small" rowKey="owner" loading={loading} dataSource={data ?? []} pagination={false}
            scroll={{ x: 360 }} onRow={(row) => ({ onClick: () => onPick(row.owner), style: { cursor: 'pointer' },
              'data-testid': 'team-row', 'data-owner': row.owner, 'data-overdue': row.overdue.total }) as HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'owner', dataIndex: 'owner', title: t('work.owner') },
              { key: 'open', dataIndex: 'open', title: t('taskStatus.open'), align: 'right', render: (c: Count) => countText(c, num) },
              { key: 'overdue', dataIndex: 'overdue', title: t('work.overdue'), align: 'right',
                render: (c: Count) => <Typography.Text type={c.total > 0 ? 'danger' : undefined}>{countText(c, num)}</Typography.Text> },
              { key: 'done', dataIndex: 'done', title: t('taskStatus.done'), align: 'right', render: (c: Count) => countText(c, num) },
              { key: 'coverage', dataIndex: 'coverage', align: 'right', render: coverageCell,
                title: <Tooltip title={t('work.coverageHelp')}>{t('work.coverage')}</Tooltip> },
            ]} />
        </>
      ),
    }]} />
  );
}
