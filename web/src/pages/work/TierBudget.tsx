// My work's budget by tier (GET /tasks/resources): a rep's own customers, a manager's team's, everyone's for admins.
// Gift budget = customers in the tier × the tier's gift value per customer per year; the rest are the tier's own lines.
import { Collapse, Table, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { budgetTable, repTierColumns, type RepLine, type ResourceLine } from './resources';

export function TierBudget({ team }: { team: boolean }) {
  const { t, num, money, pct } = useI18n();
  const { tierName } = useMeta();
  const { data, error, loading } = useLoad(() => api<ResourceLine[]>('/tasks/resources'), []);
  const table = budgetTable(data ?? []);
  const or = (v: number | null, show: (n: number) => string) => (v === null ? '—' : show(v));
  if (data && table.rows.length === 0) return null; // a model without budgets: nothing to show
  return (
    <Collapse size="small" style={{ marginBottom: 16 }} data-testid="tier-budget" items={[{
      key: 'budget', label: t(team ? 'resources.titleTeam' : 'resources.title'), children: (
        <>
          <ErrorAlert error={error} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('resources.hint')}</Typography.Paragraph>
          <Table<ResourceLine> size="small" rowKey="tier" loading={loading} dataSource={table.rows} pagination={false}
            scroll={{ x: 520 }} onRow={(row) => ({ 'data-testid': 'budget-row', 'data-tier': row.tier }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'tier', dataIndex: 'tier', title: t('resources.tier'), render: (id: string) => tierName(id) },
              { key: 'customers', dataIndex: 'customers', title: t('resources.customers'), align: 'right', render: (n: number) => num(n) },
              { key: 'giftValue', dataIndex: 'giftValue', title: t('resources.giftValue'), align: 'right', render: (v: number | null) => or(v, money) },
              { key: 'giftBudget', dataIndex: 'giftBudget', title: t('resources.giftBudget'), align: 'right', render: (v: number | null) => or(v, money) },
              { key: 'discount', dataIndex: 'discountCeiling', title: t('resources.discount'), align: 'right', render: (v: number | null) => or(v, pct) },
              { key: 'hours', dataIndex: 'repHoursShare', title: t('resources.repHours'), align: 'right', render: (v: number | null) => or(v, pct) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('resources.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{num(table.totalCustomers)}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">
                  <span data-testid="budget-total">{or(table.totalBudget, money)}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} colSpan={2} />
              </Table.Summary.Row>
            )} />
          <RepHoursTable />
        </>
      ),
    }]} />
  );
}

/** Each rep's open work in hours split by tier (GET /tasks/rep-hours): a rep sees their own line, a manager the team's. */
function RepHoursTable() {
  const { t, num, pct } = useI18n();
  const { tierName } = useMeta();
  const { data, error, loading } = useLoad(() => api<RepLine[]>('/tasks/rep-hours'), []);
  const reps = data ?? [];
  if (data && reps.length === 0) return null;
  const or = (v: number | null) => (v === null ? '—' : pct(v));
  const tiers = repTierColumns(reps);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('resources.repSplit')}</Typography.Title>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('resources.repSplitHint')}</Typography.Paragraph>
      <Table<RepLine> size="small" rowKey="owner" loading={loading} dataSource={reps} pagination={false} scroll={{ x: 520 }}
        onRow={(row) => ({ 'data-testid': 'rep-hours-row', 'data-owner': row.owner }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'owner', dataIndex: 'owner', title: t('resources.rep') },
          { key: 'hours', dataIndex: 'hours', title: t('resources.hours'), align: 'right', render: (h: number) => num(h, 1) },
          ...tiers.map((tier) => ({
            key: tier, title: tierName(tier), align: 'right' as const,
            render: (_: unknown, row: RepLine) => {
              const h = row.tiers.find((x) => x.tier === tier);
              return h ? t('resources.tierHours', { hours: num(h.hours, 1), share: or(h.share), target: or(h.target) }) : '—';
            },
          })),
        ]} />
    </>
  );
}
