// Counts per tier with the edited model beside today's counts, and how many customers would move.
import type { HTMLAttributes } from 'react';
import { Card, Table, Typography } from 'antd';
import type { DryRun } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { TierTag } from '../../components/TierTag';

export function DryRunResult({ result }: { result: DryRun }) {
  const { t, num } = useI18n();
  // Tiers of both models: a new tier has no current count, a dropped one no new count.
  const tiers = [...new Set([...Object.keys(result.counts), ...Object.keys(result.current)])];
  const rows = tiers.map((tier) => {
    const after = result.counts[tier] ?? 0;
    const now = result.current[tier] ?? 0;
    return { tier, after, now, diff: after - now };
  });
  return (
    <Card size="small" title={t('model.dryRunResult', { n: num(result.customers), moved: num(result.moved) })} data-testid="dryrun-result" data-moved={result.moved}>
      <Table size="small" rowKey="tier" pagination={false} dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'dryrun-row', 'data-tier': r.tier, 'data-count': r.after }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('cust.tier'), dataIndex: 'tier', render: (tier: string) => <TierTag tier={tier} /> },
          { title: t('model.currentCounts'), dataIndex: 'now', align: 'right', render: (n: number) => num(n) },
          { title: t('model.counts'), dataIndex: 'after', align: 'right', render: (n: number) => num(n) },
          {
            title: t('model.diff'), dataIndex: 'diff', align: 'right',
            render: (n: number) => <Typography.Text type={n > 0 ? 'success' : n < 0 ? 'danger' : undefined}>{n > 0 ? '+' : ''}{num(n)}</Typography.Text>,
          },
        ]} />
    </Card>
  );
}
