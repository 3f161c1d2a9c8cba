// Two stored versions side by side (GET /model/versions/{a}/diff/{b}): tiers added, removed, moved, and which parts
// of the others changed, with the conditions before and after.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { Label, ModelVersion } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { labelOf } from '../../i18n/locale';

interface TierDiff {
  id: string; name: Label; change: 'added' | 'removed' | 'changed' | 'unchanged'; positionBefore: number;
  positionAfter: number; conditionBefore: string | null; conditionAfter: string | null; changed: string[];
}
interface Diff { from: number; to: number; same: boolean; nameChanged: boolean; scoringChanged: boolean; tiers: TierDiff[] }

const COLORS = { added: 'green', removed: 'red', changed: 'orange', unchanged: 'default' };

export function VersionDiff({ versions }: { versions: ModelVersion[] }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    // The latest version against the one before it, the comparison asked for most; again after each save.
    if (versions.length) { setTo(versions[0].version); setFrom(versions[Math.min(1, versions.length - 1)].version); setDiff(null); }
  }, [versions]);
  const compare = async () => {
    setError(null);
    try { setDiff(await api<Diff>(`/model/versions/${from}/diff/${to}`)); } catch (e) { setError(e); }
  };
  const choices = versions.map((v) => ({ value: v.version, label: `v${v.version}` }));
  const code = (c: string | null) => (c === null ? '—' : <code style={{ whiteSpace: 'pre-wrap' }}>{c}</code>);
  return (
    <Card title={t('rules.diff.title')} size="small" style={{ marginTop: 16 }} data-testid="model-diff" data-to={to ?? ''}>
      <Space wrap style={{ marginBottom: 8 }}>
        {t('rules.diff.from')}
        <Select style={{ width: 100 }} value={from} options={choices} onChange={setFrom} aria-label={t('rules.diff.from')} />
        {t('rules.diff.to')}
        <Select style={{ width: 100 }} value={to} options={choices} onChange={setTo} aria-label={t('rules.diff.to')} />
        <Button onClick={compare} disabled={from === null || to === null} data-testid="model-diff-show">{t('rules.diff.show')}</Button>
      </Space>
      <ErrorAlert error={error} />
      {diff && <>
        {diff.same && <Alert type="info" showIcon message={t('rules.diff.same')} style={{ marginBottom: 8 }} />}
        {diff.nameChanged && <Alert type="info" message={t('rules.diff.name')} style={{ marginBottom: 8 }} />}
        {diff.scoringChanged && <Alert type="warning" message={t('rules.diff.scoring')} style={{ marginBottom: 8 }} />}
        <Table<TierDiff> size="small" rowKey="id" pagination={false} dataSource={diff.tiers} scroll={{ x: true }}
          onRow={(r) => ({ 'data-testid': 'diff-row', 'data-change': r.change }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('rules.diff.tier'), key: 'tier', render: (_: unknown, r) => `${labelOf(r.name, lang, r.id)} (${r.id})` },
            {
              title: t('rules.diff.change'), key: 'change', render: (_: unknown, r) => <>
                <Tag color={COLORS[r.change]}>{t(`rules.diff.${r.change}` as MessageKey)}</Tag>
                {r.changed.map((p) => <Tag key={p}>{t(`rules.diff.part.${p}` as MessageKey)}</Tag>)}
              </>,
            },
            { title: t('rules.diff.place'), key: 'place', render: (_: unknown, r) => `${r.positionBefore || '—'} → ${r.positionAfter || '—'}` },
            { title: t('rules.diff.before'), dataIndex: 'conditionBefore', render: code },
            { title: t('rules.diff.after'), dataIndex: 'conditionAfter', render: code },
          ]} />
      </>}
    </Card>
  );
}
