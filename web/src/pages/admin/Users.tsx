// Users and roles (admin). A sales user needs an owner: it is the filter applied to everything they see.
import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { Role, User } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';

const ROLES: Role[] = ['admin', 'analyst', 'manager', 'sales'];

export function Users() {
  const { t } = useI18n();
  const users = useLoad(() => api<User[] | { items: User[] }>('/users'), []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  // The contract shows a plain list; a paged answer is accepted too.
  const list = Array.isArray(users.data) ? users.data : users.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={users.error} />
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="user-new">{t('admin.newUser')}</Button>
      <Table<User> rowKey="username" size="small" dataSource={list} pagination={{ pageSize: 20 }}
        onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('admin.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: Role) => <Tag>{t(`role.${r}` as MessageKey)}</Tag> },
          { title: t('admin.owner'), dataIndex: 'owner' },
          { title: t('admin.enabled'), dataIndex: 'enabled', render: (e: boolean) => (e === false ? t('no') : t('yes')) },
          { key: 'edit', render: (_: unknown, u) => <Button size="small" onClick={() => setEditing(u)}>{t('admin.edit')}</Button> },
        ]} />
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={(saved) => { setEditing(null); if (saved) users.reload(); }} />}
    </>
  );
}

function UserDialog({ user, onClose }: { user: User | null; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { meta } = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const role = Form.useWatch('role', form);

  const submit = async () => {
    const values = await form.validateFields();
    const body = { ...values, owner: values.role === 'sales' ? values.owner : null, password: values.password || undefined };
    try {
      if (user) await api(`/users/${encodeURIComponent(user.username)}`, { method: 'PATCH', json: body });
      else await api('/users', { json: body });
      message.success(t('admin.saved'));
      onClose(true);
    } catch (e) { setError(e); }
  };

  return (
    <Modal open title={user ? user.username : t('admin.newUser')} onOk={submit} onCancel={() => onClose(false)}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={user ?? { role: 'sales', enabled: true }}>
        {!user && <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }]}><Input /></Form.Item>}
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="password" label={t('admin.password')} rules={user ? [] : [{ required: true }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        </Form.Item>
        {role === 'sales' && (
          <Form.Item name="owner" label={t('admin.owner')} rules={[{ required: true }]}>
            <Select showSearch options={(meta?.owners ?? []).map((o) => ({ value: o, label: o }))} />
          </Form.Item>
        )}
        {user && <Form.Item name="enabled" label={t('admin.enabled')} valuePropName="checked"><Switch /></Form.Item>}
      </Form>
    </Modal>
  );
}
