// The customer list's saved views (GET/POST/PUT/DELETE /views): pick one to apply its filters, sort and columns; save
// what the list shows as a new view or over the one last picked. The picker shows a view only while the list shows
// exactly it, so the picker never claims a filter the list does not have.
import { useState } from 'react';
import { App, Button, Checkbox, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import { activeView, type SavedView, type ViewDefinition } from './views';

export function SavedViews({ current, onApply }: { current: ViewDefinition; onApply: (view: SavedView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: views, reload } = useLoad((signal) => api<SavedView[]>('/views', { signal }), []);
  const [picked, setPicked] = useState<SavedView | null>(null);
  const [dialog, setDialog] = useState<{ name: string; shared: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const active = activeView(views ?? [], current);
  // The view to update or delete: the one shown, else the one last picked (its filters changed since).
  const target = active ?? (picked && views?.find((v) => v.id === picked.id)) ?? null;

  const write = async (method: 'POST' | 'PUT' | 'DELETE', body?: object) => {
    setBusy(true);
    try {
      const path = method === 'POST' ? '/views' : `/views/${target!.id}`;
      const saved = await api<SavedView | undefined>(path, { method, json: body });
      setPicked(saved ?? null);
      setDialog(null);
      message.success(t(method === 'DELETE' ? 'views.deleted' : 'views.saved'));
      reload();
    } catch (e) {
      message.error(<span data-testid="views-error">{errorText(e, t)}</span>);
    } finally { setBusy(false); }
  };
  const name = dialog?.name.trim() ?? '';
  const nameOk = name.length >= 1 && [...name].length <= 80;
  const body = () => ({ name, shared: dialog?.shared ?? false, definition: current });

  return (
    <Space wrap data-testid="saved-views">
      <Select style={{ width: 200 }} placeholder={t('views.none')} aria-label={t('views.none')} value={active?.id}
        data-testid="view-select" popupMatchSelectWidth={false}
        options={(views ?? []).map((v) => ({ value: v.id, title: v.name, label: (
          <Space size={4}>
            <span>{v.name}</span>
            {v.shared && <Tag>{t('views.sharedTag')}</Tag>}
            {!v.editable && <Typography.Text type="secondary">{t('views.by', { owner: v.owner })}</Typography.Text>}
          </Space>) }))}
        onChange={(id: number) => {
          const view = views?.find((v) => v.id === id);
          if (view) { setPicked(view); onApply(view); }
        }} />
      <Button data-testid="view-save" onClick={() => setDialog({ name: target?.name ?? '', shared: target?.shared ?? false })}>
        {t('views.save')}
      </Button>
      {target?.editable && (
        <Popconfirm title={t('views.deleteConfirm', { name: target.name })} onConfirm={() => write('DELETE')}>
          <Button danger data-testid="view-delete">{t('views.delete')}</Button>
        </Popconfirm>
      )}
      <Modal open={dialog !== null} title={t('views.save')} onCancel={() => setDialog(null)} destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setDialog(null)}>{t('views.cancel')}</Button>,
          target?.editable && <Button key="update" disabled={!nameOk} loading={busy} data-testid="view-update"
            onClick={() => write('PUT', body())}>{t('views.update')}</Button>,
          <Button key="new" type="primary" disabled={!nameOk} loading={busy} data-testid="view-create"
            onClick={() => write('POST', body())}>{t('views.saveAs')}</Button>,
        ]}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input value={dialog?.name} maxLength={80} placeholder={t('views.name')} aria-label={t('views.name')}
            data-testid="view-name" status={dialog && !nameOk ? 'error' : undefined}
            onChange={(e) => setDialog((d) => d && { ...d, name: e.target.value })} />
          <Typography.Text type="secondary">{t('views.nameRule')}</Typography.Text>
          <Checkbox checked={dialog?.shared} data-testid="view-shared"
            onChange={(e) => setDialog((d) => d && { ...d, shared: e.target.checked })}>{t('views.shared')}</Checkbox>
          <Typography.Text type="secondary">{t('views.sharedNote')}</Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}
