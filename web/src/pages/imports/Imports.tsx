// The upload wizard: choose kind and file → preview and adjust the column mapping → import → data-quality result.
import { useState } from 'react';
import { Alert, App, Button, Card, Progress, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { ImportJob, ImportPreview, Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { actorName } from '../../i18n/actors';
import { messages, type MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/errors';
import { usePolling } from '../runs/usePolling';
import { STATUS_COLOR } from '../../components/status';
import { assign, mappingOf, missingRequired, type ImportKind, type MappedColumn } from './mapping';
import { QualityResult } from './QualityResult';
import { RejectedRows } from './RejectedRows';
import { failureOf } from './failure';
import { keepPolling } from './warnings';

const KINDS: ImportKind[] = ['transactions', 'customers', 'interactions', 'surveys'];

export default function Imports() {
  const { t, dateTime, lang } = useI18n();
  // A field the UI has no name for (a newer server's) shows its key rather than nothing.
  const fieldName = (f: string) => (`field.${f}` in messages.en ? t(`field.${f}` as MessageKey) : f);
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('transactions');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<MappedColumn[]>([]);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pollsSinceSuccess, setPollsSinceSuccess] = useState(0);
  const history = useLoad(() => api<Page<ImportJob>>('/imports' + buildQuery({ page: 0, size: 20 })), []);

  const step = job ? 2 : preview ? 1 : 0;
  const missing = preview ? missingRequired(kind, columns) : [];
  const failed = job && failureOf(job, lang);

  const form = () => {
    const data = new FormData();
    data.append('file', file!);
    data.append('kind', kind);
    return data;
  };
  const runPreview = async () => {
    setBusy(true); setError(null);
    try {
      const answer = await api<ImportPreview>('/imports/preview', { form: form() });
      setPreview(answer);
      setColumns(answer.columns);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const start = async () => {
    setBusy(true); setError(null);
    try {
      const data = form();
      data.append('mapping', JSON.stringify(mappingOf(columns)));
      setJob(await api<ImportJob>('/imports', { form: data }));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  usePolling(keepPolling(job, pollsSinceSuccess), async () => {
    try {
      const finished = job!.status === 'succeeded';
      const next = await api<ImportJob>(`/imports/${job!.id}`);
      setJob(next);
      if (finished) setPollsSinceSuccess((n) => n + 1);
      if ((next.status === 'succeeded' || next.status === 'failed') && (!finished || next.runId)) {
        history.reload();
        if (next.runId) message.info(t('imp.runStarted', { id: next.runId }));
      }
    } catch (e) { setError(e); }
  });
  const reset = () => { setFile(null); setPreview(null); setColumns([]); setJob(null); setError(null); setPollsSinceSuccess(0); };
  const rejected = (id: number) => download(`/imports/${id}/rejected`, `rejected-${id}.csv`).catch((e) => message.error(errorText(e, t)));

  return (
    <div data-testid="imports">
      <Card title={t('imp.new')} size="small" style={{ marginBottom: 16 }}>
        <Steps size="small" current={step} style={{ marginBottom: 16 }}
          items={[{ title: t('imp.step1') }, { title: t('imp.step2') }, { title: t('imp.step3') }]} />
        <ErrorAlert error={error} testId="import-error" />
        {step === 0 && (
          <Space wrap>
            <Select value={kind} onChange={setKind} aria-label={t('imp.kind')} style={{ width: 160 }} data-testid="import-kind"
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} />
            <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
              <UploadOutlined /> {file ? file.name : t('imp.chooseFile')}
              <input type="file" accept=".csv,.txt,.tsv,.xlsx" style={{ display: 'none' }} data-testid="import-file"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
            <Button type="primary" disabled={!file} loading={busy} onClick={runPreview} data-testid="import-preview">{t('imp.preview')}</Button>
          </Space>
        )}
        {step === 1 && preview && (
          <>
            <Typography.Paragraph type="secondary">
              {preview.fileName} · {t('imp.charset', { charset: preview.charset, delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter })}
            </Typography.Paragraph>
            <Table<MappedColumn> size="small" rowKey="header" pagination={false} dataSource={columns} data-testid="import-mapping"
              columns={[
                { title: t('imp.header'), dataIndex: 'header' },
                {
                  title: t('imp.field'), dataIndex: 'field',
                  render: (field: string | null, c) => (
                    <Select allowClear style={{ width: 200 }} value={field ?? undefined} placeholder={t('imp.ignored')} aria-label={t('imp.field')}
                      data-testid={`import-map-${c.header}`} onChange={(f) => setColumns(assign(columns, c.header, f ?? null))}
                      options={preview.fields.map((f) => ({ value: f, label: fieldName(f) }))} />
                  ),
                },
                {
                  title: t('imp.sample'), key: 'sample',
                  render: (_: unknown, c) => {
                    const index = preview.columns.findIndex((p) => p.header === c.header);
                    return <Typography.Text type="secondary">{preview.rows.slice(0, 3).map((r) => r[index]).join(' · ')}</Typography.Text>;
                  },
                },
              ]} />
            {missing.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="import-missing"
              message={t('imp.missing', { fields: missing.map(fieldName).join(', ') })} />}
            <Space style={{ marginTop: 12 }}>
              <Button onClick={reset}>{t('cancel')}</Button>
              <Button type="primary" disabled={missing.length > 0} loading={busy} onClick={start} data-testid="import-start">{t('imp.start')}</Button>
            </Space>
          </>
        )}
        {step === 2 && job && (
          <div data-testid="import-job" data-status={job.status}>
            <Space style={{ marginBottom: 12 }}>
              <Tag color={STATUS_COLOR[job.status]}>{t(`status.${job.status}` as MessageKey)}</Tag>
              <Progress percent={Math.round((job.status === 'succeeded' ? 1 : job.progress ?? 0) * 100)} style={{ width: 240 }} aria-label={t('runs.progress')}
                status={job.status === 'failed' ? 'exception' : undefined} />
            </Space>
            {failed && <Alert type="error" showIcon message={failed.text} data-error={failed.code ?? ''} style={{ marginBottom: 12 }} />}
            {job.quality && <QualityResult quality={job.quality} />}
            {job.quality && job.quality.rejected > 0 && <RejectedRows jobId={job.id} />}
            <Space style={{ marginTop: 12 }}>
              {job.quality && job.quality.rejected > 0 && (
                <Button icon={<DownloadOutlined />} onClick={() => rejected(job.id)} data-testid="import-rejected">{t('imp.downloadRejected')}</Button>
              )}
              <Button onClick={reset}>{t('imp.again')}</Button>
            </Space>
          </div>
        )}
      </Card>
      <Card title={t('imp.history')} size="small">
        <ErrorAlert error={history.error} />
        <Table<ImportJob> rowKey="id" size="small" dataSource={history.data?.items ?? []} pagination={false}
          expandable={{ rowExpandable: (j) => !!j.quality, expandedRowRender: (j) => j.quality && <>
            <QualityResult quality={j.quality} />{j.quality.rejected > 0 && <RejectedRows jobId={j.id} />}</> }}
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('imp.kind'), dataIndex: 'kind', render: (k: string) => t(`kind.${k}` as MessageKey) },
            { title: t('imp.fileName'), dataIndex: 'fileName' },
            { title: t('runs.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}` as MessageKey)}</Tag> },
            { title: t('imp.accepted'), key: 'accepted', align: 'right', render: (_: unknown, j) => j.quality?.accepted ?? '—' },
            { title: t('imp.rejected'), key: 'rejected', align: 'right', render: (_: unknown, j) => j.quality?.rejected ? <a onClick={() => rejected(j.id)}>{j.quality.rejected}</a> : j.quality?.rejected ?? '—' },
            { title: t('imp.run'), dataIndex: 'runId', render: (id: number | null) => (id ? `#${id}` : '—') },
            { title: t('runs.startedBy'), dataIndex: 'createdBy', render: (by: string | null) => actorName(by, t) },
            { title: t('runs.startedAt'), dataIndex: 'createdAt', render: (d: string) => dateTime(d) },
            { title: t('runs.error'), key: 'error', ellipsis: true, render: (_: unknown, j) => failureOf(j, lang)?.text },
          ]} />
      </Card>
    </div>
  );
}

