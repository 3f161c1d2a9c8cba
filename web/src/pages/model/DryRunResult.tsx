// Counts per tier with the edited model beside today's counts, and how many customers would move; the day scored and
// what a run would note (purchases after that day left out …).
import type { HTMLAttributes } from 'react';
import { Card, Table, Typography } from 'antd';
import type { DryRun } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { labelOf } from '../../i18n/locale';
import { TierTag } from '../../components/TierTag';

export function DryRunResult({ result }: { result: DryRun }) {
  const { t, num, date, lang } = useI18n();
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
      {result.asOf && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="dryrun-asof">{t('model.dryRunAsOf', { date: date(result.asOf) })}</Typography.Paragraph>}
      {result.notes?.map((note, i) => <Typography.Paragraph key={i} type="secondary" style={{ margin: '4px 0 0' }} data-note={note.code ?? ''}>{labelOf(note, lang)}</Typography.Paragraph>)}
    </Card>
  );
}
