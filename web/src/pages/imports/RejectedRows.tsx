// The first rows an import refused, each with its line and reason in the user's language and the row as the file had
// it; the download keeps them all (with the English detail for whoever fixes the source).
import { Table, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';

interface RejectedPage { rows: { line: number; reason: string; raw: string }[]; more: boolean }

export function RejectedRows({ jobId }: { jobId: number }) {
  const { t, num } = useI18n();
  const { codeName } = useMeta();
  const { data, error, loading } = useLoad(() => api<RejectedPage>(`/imports/${jobId}/rejected-rows?limit=20`), [jobId]);
  return (
    <div data-testid="import-rejected-rows" style={{ marginTop: 8 }}>
      <ErrorAlert error={error} />
      <Table size="small" rowKey="line" loading={loading} title={() => t('imp.rejectedRows')} dataSource={data?.rows ?? []} pagination={false} scroll={{ x: 480 }}
        columns={[
          { key: 'line', dataIndex: 'line', title: t('imp.rejectedLine'), width: 80, align: 'right', render: (n: number) => num(n) },
          { key: 'reason', dataIndex: 'reason', title: t('imp.rejectedReason'), width: 160, render: (code: string) => <span data-reason={code}>{codeName('rejectReasons', code)}</span> },
          { key: 'raw', dataIndex: 'raw', title: t('imp.rejectedRaw'), render: (raw: string) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{raw}</Typography.Text> },
        ]} />
      {data?.more && <Typography.Text type="secondary">{t('imp.rejectedMore')}</Typography.Text>}
    </div>
  );
}
