// 重复客户: the review queue of possible duplicate customers (admin, analyst). Each pair shows both records and why
// they may be one customer; a decision asks for confirmation and an optional note, and takes effect at the next run.
import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { DetailLink } from '../../components/DetailLink';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import { messages } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { actionPath, decisionsFor, reasonKey, type DuplicatePair, type Side, type Status } from './duplicates';

const STATUSES: Status[] = ['pending', 'accepted', 'rejected'];

export default function Duplicates() {
  const { t, num, dateTime } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'pending') as Status;
  const page = Number(params.get('page') ?? 0);
  const size = 50;
  const query = buildQuery({ status, page, size });
  const { data, error, loading, reload } = useLoad(() => api<Page<DuplicatePair>>('/duplicates' + query), [query]);
  const [deciding, setDeciding] = useState<{ pair: DuplicatePair; to: Status } | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const show = (next: Status) => setParams(new URLSearchParams(next === 'pending' ? {} : { status: next }));
  const open = (pair: DuplicatePair, to: Status) => { setNote(''); setDeciding({ pair, to }); };
  const decide = async () => {
    if (!deciding) return;
    setSaving(true);
    try {
      await api(actionPath(deciding.pair.id, deciding.to), { method: 'POST', json: { note } });
      message.success(t(`dup.done.${deciding.to}`));
      setDeciding(null);
    } catch (e) {
      message.error(<span data-testid="dup-error">{errorText(e, t)}</span>);
    } finally {
      setSaving(false);
      reload();
    }
  };

  const side = (s: Side) => (
    <Space direction="vertical" size={0}>
      <DetailLink to={`/customers/${encodeURIComponent(s.id)}`}>{s.name ?? s.id}</DetailLink>
      <Typography.Text type="secondary">{s.name === null ? t('dup.deleted') : s.id}</Typography.Text>
      {s.phone && <span>{s.phone}</span>}
      {s.email && <span>{s.email}</span>}
      {s.owner && <Typography.Text type="secondary">{s.owner}</Typography.Text>}
    </Space>
  );
  const reasons = (codes: string[]) => codes.map((code) => {
    const key = reasonKey(code, messages.en);
    return <Tag key={code} data-code={code}>{key ? t(key) : code}</Tag>;
  });
  const decisions = (pair: DuplicatePair) => (
    <Space wrap size={8}>
      {decisionsFor(pair.status).map((to) => (
        <Button key={to} size="small" type={to === 'accepted' ? 'primary' : 'default'} data-testid={`dup-${to}`}
          onClick={() => open(pair, to)}>
          {t(to === 'accepted' ? 'dup.accept' : to === 'rejected' ? 'dup.reject' : 'dup.undo')}
        </Button>
      ))}
    </Space>
  );

  return (
    <Card title={t('dup.title')} data-testid="duplicates">
      <Typography.Paragraph type="secondary">{t('dup.hint')}</Typography.Paragraph>
      <Segmented<Status> value={status} onChange={show} style={{ marginBottom: 16 }} data-testid="dup-status"
        options={STATUSES.map((s) => ({ value: s, label: t(`dup.status.${s}`) }))} />
      {error ? <ErrorAlert error={error} /> : (
        <Table<DuplicatePair> size="small" loading={loading} rowKey="id" dataSource={data?.items ?? []}
          locale={{ emptyText: t('dup.none') }} scroll={{ x: 900 }}
          onRow={(p) => ({ 'data-testid': 'dup-row', 'data-id': p.id } as HTMLAttributes<HTMLElement>)}
          pagination={{
            current: page + 1, pageSize: size, total: data?.total ?? 0, showSizeChanger: false,
            showTotal: (n: number) => t('total', { n: num(n) }),
            onChange: (p: number) => setParams(new URLSearchParams({ ...(status === 'pending' ? {} : { status }), page: String(p - 1) })),
          }}
          columns={[
            { title: t('dup.customerA'), key: 'a', render: (_: unknown, p: DuplicatePair) => side(p.a) },
            { title: t('dup.customerB'), key: 'b', render: (_: unknown, p: DuplicatePair) => side(p.b) },
            { title: t('dup.reasons'), dataIndex: 'reasons', render: reasons },
            { title: t('dup.score'), dataIndex: 'score', align: 'right', render: (v: number) => v.toFixed(2) },
            { title: t('dup.decided'), key: 'decided', render: (_: unknown, p: DuplicatePair) => p.decidedBy && (
              <Space direction="vertical" size={0}>
                <span>{t('dup.decidedBy', { by: p.decidedBy, at: p.decidedAt ? dateTime(p.decidedAt) : '' })}</span>
                {p.note && <Typography.Text type="secondary">{p.note}</Typography.Text>}
              </Space>
            ) },
            { title: '', key: 'actions', render: (_: unknown, p: DuplicatePair) => decisions(p) },
          ]} />
      )}
      <Modal open={!!deciding} onCancel={() => setDeciding(null)} onOk={decide} confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'dup-confirm' }} cancelText={t('cancel')}
        title={deciding && t(`dup.confirm.${deciding.to}`, { a: deciding.pair.a.name ?? deciding.pair.a.id, b: deciding.pair.b.name ?? deciding.pair.b.id })}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('dup.note')} value={note} data-testid="dup-note"
          onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
}
