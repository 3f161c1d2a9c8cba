// The playbook preview (GET /tasks/preview): what the current model's playbooks plan for the next days, per tier and
// per rep, with the touches contact caps suppress; nothing is stored by looking. Given a `draft` (POST /tasks/preview
// of the editor's unsaved text), it shows that instead.
import { Card, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';

interface Count { tasks: number; suppressedByCaps: number }
export interface Preview {
  asOf: string; horizonDays: number; total: Count; tiers: Record<string, Count>; owners: Record<string, Count>;
  notInModel?: Record<string, number>;
}

/** Rows of a count map for a table, largest first, ties by name. */
export function previewRows(counts: Record<string, Count>): ({ key: string } & Count)[] {
  return Object.entries(counts).map(([key, c]) => ({ key, ...c }))
    .sort((a, b) => b.tasks - a.tasks || a.key.localeCompare(b.key));
}

export function PlaybookPreview({ draft }: { draft?: Preview | null }) {
  const stored = useLoad(() => api<Preview>('/tasks/preview').catch(() => null), []);
  const data = draft ?? stored.data;
  return data ? <PreviewCard data={data} draft={!!draft} /> : null;
}

/** One preview; `draft` marks it as the plan of unsaved text. */
export function PreviewCard({ data, draft, testId = 'playbook-preview' }: { data: Preview; draft: boolean; testId?: string }) {
  const { t, num } = useI18n();
  const { tierName } = useMeta();
  const missing = Object.entries(data.notInModel ?? {});
  const table = (title: string, counts: Record<string, Count>, name: (key: string) => string) => (
    <Table size="small" pagination={false} dataSource={previewRows(counts)} style={{ marginTop: 8 }}
      columns={[{ title, dataIndex: 'key', render: name },
        { title: t('preview.tasks'), dataIndex: 'tasks', align: 'right', render: (v: number) => num(v) },
        { title: t('preview.suppressed'), dataIndex: 'suppressedByCaps', align: 'right', render: (v: number) => num(v) }]} />
  );
  return (
    <Card title={t('preview.title')} size="small" style={{ marginBottom: 12 }} data-testid={testId}
      data-draft={draft ? 'true' : 'false'} extra={draft && <Tag color="orange">{t('pbf.draft')}</Tag>}>
      {draft && <Typography.Paragraph type="secondary">{t('pbf.draftHint')}</Typography.Paragraph>}
      <Typography.Text data-testid="preview-total">{t('preview.summary', { days: num(data.horizonDays),
        n: num(data.total.tasks), m: num(data.total.suppressedByCaps) })}</Typography.Text>
      {table(t('preview.tier'), data.tiers, tierName)}
      {table(t('preview.owner'), data.owners, (k) => k || t('preview.pool'))}
      {missing.length > 0 && <Typography.Paragraph type="warning" style={{ marginTop: 8 }} data-testid="preview-not-in-model">
        {t('pbf.notInModel', { n: num(missing.reduce((n, [, c]) => n + c, 0)), tiers: missing.map(([k]) => tierName(k)).join(', ') })}
      </Typography.Paragraph>}
    </Card>
  );
}
