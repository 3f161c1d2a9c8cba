// Scoring runs: history, trigger one, follow it live (polling /runs/{id} every second), read why one failed.
import { useEffect, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { App, Button, Card, DatePicker, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Page, Run, RunNote } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { actorName } from '../../i18n/actors';
import { labelOf } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePolling } from './usePolling';
import { STATUS_COLOR } from '../../components/status';


export default function Runs() {
  const { t, lang, num, date, dateTime } = useI18n();
  const { tierName, reload: reloadMeta } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  // null: the server's strata.runs.outliers; else this run keeps or excludes outlier amounts (the CLI's --outliers).
  const [outliers, setOutliers] = useState<'keep' | 'exclude' | null>(null);
  const [live, setLive] = useState<Run | null>(null);
  const [error, setError] = useState<unknown>(null);
  const runs = useLoad(() => api<Page<Run>>('/runs' + buildQuery({ page, size: 20 })), [page]);

  const running = live?.status === 'running';
  usePolling(running, async () => {
    if (!live) return;
    try {
      const next = await api<Run>(`/runs/${live.id}`);
      setLive(next);
      if (next.status !== 'running') { runs.reload(); if (next.status === 'succeeded') reloadMeta(); }
    } catch (e) { setError(e); }
  });

  const trigger = async () => {
    setError(null);
    try {
      const run = await api<Run>('/runs', { json: { asOf: asOf ? asOf.format('YYYY-MM-DD') : null, outliers } });
      message.success(t('runs.started', { id: run.id }));
      setLive(run);
      runs.reload();
    } catch (e) { setError(e); }
  };

  // A run started elsewhere (an import, another user) is followed too, so the page shows its progress.
  const shown = (runs.data?.items ?? []).map((r) => (live && r.id === live.id ? live : r));
  const otherRunning = shown.find((r) => r.status === 'running' && r.id !== live?.id);
  useEffect(() => { if (otherRunning && !running) setLive(otherRunning); }, [otherRunning, running]);

  return (
    <div data-testid="runs">
      {session.can('triggerRun') && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap>
            <DatePicker placeholder={t('runs.asOf')} value={asOf} onChange={setAsOf} data-testid="runs-asof" />
            <Select<'keep' | 'exclude' | ''> value={outliers ?? ''} onChange={(v) => setOutliers(v === '' ? null : v)}
              aria-label={t('runs.outliers')} style={{ minWidth: 200 }} data-testid="runs-outliers"
              options={[{ value: '', label: t('runs.outliers.default') }, { value: 'keep', label: t('runs.outliers.keep') },
                { value: 'exclude', label: t('runs.outliers.exclude') }]} />
            <Button type="primary" onClick={trigger} disabled={running} data-testid="runs-trigger">{t('runs.trigger')}</Button>
            {live && (
              <Space data-testid="run-live" data-id={live.id} data-status={live.status}>
                <Typography.Text>#{live.id}</Typography.Text>
                <Tag color={STATUS_COLOR[live.status]}>{t(`status.${live.status}` as MessageKey)}</Tag>
                {live.phase && live.status === 'running' && <Typography.Text type="secondary" data-phase={live.phase.code ?? ''}>{labelOf(live.phase, lang)}</Typography.Text>}
                <Progress percent={Math.round((live.status === 'succeeded' ? 1 : live.progress ?? 0) * 100)} style={{ width: 200 }} aria-label={t('runs.progress')}
                  status={live.status === 'failed' ? 'exception' : live.status === 'running' ? 'active' : 'success'} data-testid="run-progress" />
              </Space>
            )}
          </Space>
          {live?.error && <Typography.Paragraph type="danger" data-testid="run-error" data-error={live.error.code ?? ''}>{labelOf(live.error, lang)}</Typography.Paragraph>}
        </Card>
      )}
      <ErrorAlert error={error ?? runs.error} />
      <Table<Run>
        rowKey="id" size="small" loading={runs.loading && !runs.data} dataSource={shown}
        onRow={(r) => ({ 'data-testid': 'run-row', 'data-id': r.id, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page + 1, pageSize: 20, total: runs.data?.total ?? 0, showSizeChanger: false, onChange: (p) => setPage(p - 1) }}
        expandable={{
          rowExpandable: (r) => !!r.tierCounts || !!r.error || !!r.notes?.length,
          expandedRowRender: (r) => (
            <>
              {r.error && <Typography.Paragraph type="danger" data-error={r.error.code ?? ''}>{labelOf(r.error, lang)}</Typography.Paragraph>}
              <Space wrap>{Object.entries(r.tierCounts ?? {}).map(([tier, n]) => <Tag key={tier}>{tierName(tier)}: {num(n)}</Tag>)}</Space>
              {r.notes?.map((note, i) => <Typography.Paragraph key={i} type="secondary" style={{ margin: '4px 0 0' }} data-note={note.code ?? ''}>{labelOf(note, lang)}</Typography.Paragraph>)}
            </>
          ),
        }}
        columns={[
          { title: t('runs.id'), dataIndex: 'id', render: (id: number, r) => <>#{id} {r.current && <Tag color="blue">{t('runs.current')}</Tag>}</> },
          {
            title: t('runs.status'), dataIndex: 'status',
            render: (s: string, r) => <Space><Tag color={STATUS_COLOR[s]}>{t(`status.${s}` as MessageKey)}</Tag>
              {s === 'running' && <Progress size="small" percent={Math.round((r.progress ?? 0) * 100)} style={{ width: 100 }} aria-label={t('runs.progress')} />}</Space>,
          },
          { title: t('runs.trigger_'), dataIndex: 'trigger', render: (x: string) => t(`trigger.${x}` as MessageKey) },
          { title: t('runs.asOfColumn'), dataIndex: 'asOf', render: (d: string | null) => date(d) },
          { title: t('runs.model'), dataIndex: 'modelVersion' },
          { title: t('runs.customers'), dataIndex: 'customers', align: 'right', render: (n: number | null) => num(n) },
          { title: t('runs.startedAt'), dataIndex: 'startedAt', render: (d: string) => dateTime(d) },
          { title: t('runs.finishedAt'), dataIndex: 'finishedAt', render: (d: string | null) => dateTime(d) },
          { title: t('runs.startedBy'), dataIndex: 'startedBy', render: (by: string | null) => actorName(by, t) },
          { title: t('runs.error'), dataIndex: 'error', ellipsis: true, render: (e: RunNote | null) => e && <Typography.Text type="danger">{labelOf(e, lang)}</Typography.Text> },
        ]}
      />
    </div>
  );
}
