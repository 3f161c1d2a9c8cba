// For managers (and admins, analysts): open, overdue and done tasks and escalations per rep, each rep expandable into
// its tiers (GET /tasks/team, one grouped query however many tasks), how well each keeps the tiers' cadence
// (GET /tasks/coverage), and the latest escalations with links to their customers. Clicking a rep filters the work
// list to them.
import { useState, type HTMLAttributes } from 'react';
import { Collapse, List, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMeta } from '../../api/Meta';
import { coverageByOwner, type CoverageRow } from './coverage';
import { teamLines, type RepLine, type TeamEscalation, type TeamView, type TierLine } from './teamView';

const PERIODS = [7, 30, 90];

type Line = RepLine | TierLine;
const isRep = (l: Line): l is RepLine => 'tiers' in l;
// Headers and figures on one line: at 390 px the table scrolls sideways inside its card rather than stacking "待/办".
const oneLine = () => ({ style: { whiteSpace: 'nowrap' as const } });

export function TeamSummary({ owners, onPick }: { owners: string[]; onPick: (owner: string) => void }) {
  const { t, num, pct, dateTime } = useI18n();
  const { meta, tierName } = useMeta();
  const [days, setDays] = useState(30);
  const tierOrder = (meta?.tiers ?? []).map((x) => x.id);
  const { data, error, loading } = useLoad(async () => {
    const [view, coverage] = await Promise.all([api<TeamView>(`/tasks/team?days=${days}`),
      api<CoverageRow[]>('/tasks/coverage')]);
    return { view, lines: teamLines(owners, view.rows, coverageByOwner(coverage), tierOrder) };
  }, [owners.join('\n'), tierOrder.join('\n'), days]);
  const ownerName = (o: string) => (o === '' ? t('work.poolOwner') : o);

  const coverageCell = (l: Line) => {
    const c = l.coverage;
    if (!c || c.customers === 0) return <Typography.Text type="secondary">{isRep(l) ? t('work.coverageNone') : '—'}</Typography.Text>;
    const share = pct(c.covered / c.customers);
    return isRep(l) ? <span data-testid="team-coverage">{share}</span>
      : <Tooltip title={t('work.coverageTier', { tier: tierName(l.tier), covered: num(c.covered), customers: num(c.customers), share })}>{share}</Tooltip>;
  };
  const escalationText = (e: TeamEscalation) => {
    const vars = { from: ownerName(e.from), to: e.to ?? '', days: num(e.overdueDays ?? 0) };
    if (e.kind === 'manager') return t('work.escalation.manager', vars);
    if (e.kind === 'pool') return t('work.escalation.pool', vars);
    return t(e.to === null ? 'work.escalation.reassignHidden' : 'work.escalation.reassign', vars);
  };
  const customerLink = (e: TeamEscalation) => {
    if (e.visible) return <Link to={`/customers/${encodeURIComponent(e.customerId)}`}>{e.customerId}</Link>;
    if (e.kind === 'pool') return <Link to="/pool">{e.customerId}</Link>;
    return <Typography.Text>{e.customerId}</Typography.Text>;
  };
  const view = data?.view;
  return (
    <Collapse size="small" style={{ marginBottom: 16 }} data-testid="team-summary" items={[{
      key: 'team', label: t('work.team'), children: (
        <>
          <ErrorAlert error={error} />
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('work.period')}</Typography.Text>
            <Segmented size="small" data-testid="team-days" value={days} onChange={(v) => setDays(Number(v))}
              options={PERIODS.map((d) => ({ value: d, label: t('work.periodDays', { days: num(d) }) }))} />
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('work.teamHint', { days: num(days), since: view?.since ?? '…' })}
          </Typography.Paragraph>
          <Table<Line> size="small" rowKey="key" loading={loading} dataSource={data?.lines ?? []} pagination={false}
            scroll={{ x: 'max-content' }} expandable={{ childrenColumnName: 'tiers', indentSize: 12 }}
            onRow={(l) => (isRep(l)
              ? { onClick: () => onPick(l.owner), style: { cursor: 'pointer' }, 'data-testid': 'team-row',
                'data-owner': l.owner, 'data-overdue': l.overdue, 'data-escalated': l.escalated } as HTMLAttributes<HTMLElement>
              : { 'data-testid': 'team-tier-row', 'data-owner': l.owner, 'data-tier': l.tier } as HTMLAttributes<HTMLElement>)}
            columns={[
              { key: 'owner', onHeaderCell: oneLine, onCell: oneLine, title: `${t('work.owner')} / ${t('work.tier')}`,
                render: (_, l) => (isRep(l) ? ownerName(l.owner) : <Typography.Text type="secondary">{tierName(l.tier)}</Typography.Text>) },
              { key: 'open', onHeaderCell: oneLine, onCell: oneLine, dataIndex: 'open', title: t('taskStatus.open'), align: 'right', render: (n: number) => num(n) },
              { key: 'overdue', onHeaderCell: oneLine, onCell: oneLine, dataIndex: 'overdue', title: t('work.overdue'), align: 'right',
                render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{num(n)}</Typography.Text> },
              { key: 'done', onHeaderCell: oneLine, onCell: oneLine, dataIndex: 'done', title: t('taskStatus.done'), align: 'right', render: (n: number) => num(n) },
              { key: 'escalated', onHeaderCell: oneLine, onCell: oneLine, dataIndex: 'escalated', align: 'right',
                title: <Tooltip title={t('work.escalatedHelp')}>{t('work.escalated')}</Tooltip>,
                render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : undefined}>{num(n)}</Typography.Text> },
              { key: 'coverage', onHeaderCell: oneLine, onCell: oneLine, align: 'right', render: (_, l) => coverageCell(l),
                title: <Tooltip title={t('work.coverageHelp')}>{t('work.coverage')}</Tooltip> },
            ]} />
          {view && (
            <List size="small" style={{ marginTop: 12 }} data-testid="team-escalations"
              header={<Typography.Text strong>{t('work.escalations', { n: num(view.escalations.length) })}</Typography.Text>}
              locale={{ emptyText: t('work.escalationsNone') }} dataSource={view.escalations}
              renderItem={(e) => (
                <List.Item data-testid="team-escalation" data-kind={e.kind} data-task={e.taskId}>
                  <Space wrap size={[8, 0]}>
                    <Typography.Text type="secondary">{dateTime(e.at)}</Typography.Text>
                    {customerLink(e)}
                    <Tag>{tierName(e.tier)}</Tag>
                    <span>{escalationText(e)}</span>
                  </Space>
                </List.Item>
              )} />
          )}
        </>
      ),
    }]} />
  );
}
