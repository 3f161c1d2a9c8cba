// API tokens for machine clients. The secret is shown once, right after creation; the server keeps only a hash.
import { useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/errors';

export function Tokens() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const tokens = useLoad(() => api<ApiToken[] | { items: ApiToken[] }>('/tokens'), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'all' | 'read' | 'import'>('read');
  const [days, setDays] = useState<number | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = Array.isArray(tokens.data) ? tokens.data : tokens.data?.items ?? [];

  const create = async () => {
    setError(null);
    try {
      setCreated(await api<{ id: number; name: string; token: string }>('/tokens', { json: { name: name.trim(), scope, expiresInDays: days } }));
      setName('');
      tokens.reload();
    } catch (e) { setError(e); }
  };
  const revoke = async (id: number) => {
    try { await api(`/tokens/${id}`, { method: 'DELETE' }); tokens.reload(); } catch (e) { message.error(errorText(e, t)); }
  };

  return (
    <>
      <ErrorAlert error={error ?? tokens.error} />
      <Space style={{ marginBottom: 12 }}>
        <Input placeholder={t('admin.tokenName')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} data-testid="token-name" />
        <Select value={scope} onChange={setScope} style={{ width: 140 }} aria-label={t('admin.tokenScope')} data-testid="token-scope"
          options={(['read', 'import', 'all'] as const).map((s) => ({ value: s, label: t(`admin.scope.${s}`) }))} />
        <InputNumber min={1} max={3650} value={days} onChange={(v) => setDays(v)} placeholder={t('admin.expiresInDays')}
          style={{ width: 280 }} data-testid="token-days" />
        <Button type="primary" disabled={!name.trim()} onClick={create} data-testid="token-create">{t('admin.newToken')}</Button>
      </Space>
      <Table<ApiToken> rowKey="id" size="small" dataSource={list} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('admin.tokenName'), dataIndex: 'name' },
          { title: t('admin.user'), dataIndex: 'username' },
          { title: t('admin.createdAt'), dataIndex: 'createdAt', render: (d?: string) => dateTime(d) },
          { title: t('admin.lastUsed'), dataIndex: 'lastUsedAt', render: (d?: string | null) => dateTime(d) },
          { title: t('admin.tokenScope'), dataIndex: 'scope', render: (s?: ApiToken['scope']) => (s ? t(`admin.scope.${s}`) : '') },
          { title: t('admin.expiresAt'), dataIndex: 'expiresAt', render: (d?: string | null) => dateTime(d) },
          {
            key: 'revoke', render: (_: unknown, tok) => (
              <Popconfirm title={t('admin.revokeConfirm')} onConfirm={() => revoke(tok.id)}>
                <Button size="small" danger>{t('admin.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
      <Modal open={!!created} title={created?.name} onOk={() => setCreated(null)} onCancel={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon message={t('admin.tokenOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="token-once">{created?.token}</Typography.Paragraph>
      </Modal>
    </>
  );
}
