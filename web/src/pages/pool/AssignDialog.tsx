// An admin gives a pool customer to an owner (POST /pool/{id}/assign); the holding cap does not bind admins.
import { useState } from 'react';
import { App, AutoComplete, Modal } from 'antd';
import { api } from '../../api/client';
import type { Ownership, Pooled } from '../../api/types';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';

export function AssignDialog({ customer, onClose, onDone }: { customer: Pooled; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { meta } = useMeta();
  const { message } = App.useApp();
  const [owner, setOwner] = useState('');
  const [saving, setSaving] = useState(false);
  const name = owner.trim();

  const submit = async () => {
    setSaving(true);
    try {
      const owned = await api<Ownership>(`/pool/${encodeURIComponent(customer.id)}/assign`, { json: { owner: name } });
      message.success(t('pool.assigned', { id: owned.customerId, owner: owned.owner }));
      onDone();
    } catch (e) {
      message.error(<span data-testid="pool-error">{errorText(e, t)}</span>);
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('pool.assignTo', { id: customer.name ?? customer.id })} onCancel={onClose} onOk={submit}
      confirmLoading={saving} okButtonProps={{ disabled: !name, 'data-testid': 'pool-assign-submit' }}>
      <AutoComplete style={{ width: '100%' }} value={owner} onChange={setOwner} data-testid="pool-assign-owner"
        placeholder={t('cust.owner')} maxLength={200}
        options={(meta?.owners ?? []).filter((o) => o.includes(name)).map((o) => ({ value: o }))} />
    </Modal>
  );
}
