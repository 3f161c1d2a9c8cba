// Bulk actions over the customer list's selection (POST /customers/bulk/assign | task | tag | untag | call-list): the server
// checks the user's rights over every customer and does each action in one transaction.
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, download } from '../../api/client';
import type { TagCount } from '../../api/types';
import type { CustomerFilter } from '../../api/query';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { heldOutText, selectedCount, selectionBody, withinCap, type Selection, type TasksCreated } from './bulk';

/** The server's default `strata.bulk.max-customers`; the server refuses beyond its own setting anyway. */
export const BULK_MAX = 1000;
const TYPES = ['follow_up', 'welcome', 'win_back', 'reactivate', 'recovery', 'thank_you', 'greeting', 'gift'];
const CHANNELS = ['phone', 'visit', 'wechat', 'sms', 'email'];

export function BulkBar({ selection, filter, total, onSelect, onDone }: {
  selection: Selection; filter: CustomerFilter; total: number; onSelect: (s: Selection) => void; onDone: () => void;
}) {
  const { t, lang, num } = useI18n();
  const { meta } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'assign' | 'task' | 'tag' | 'untag' | null>(null);
  const [busy, setBusy] = useState(false);
  const [tagsInUse, setTagsInUse] = useState<TagCount[]>([]);
  const [form] = Form.useForm<{ owner?: string; type: string; channel: string; due: Dayjs; note?: string; tag?: string }>();
  const n = selectedCount(selection);
  if (n === 0) return null;
  const fits = withinCap(selection, BULK_MAX);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try { await action(); } catch (e) {
      message.error(<span data-testid="bulk-error">{errorText(e, t)}</span>);
    } finally { setBusy(false); }
  };

  const submit = () => run(async () => {
    const v = await form.validateFields();
    if (dialog === 'assign') {
      const r = await api<{ changed: number }>('/customers/bulk/assign', { json: { ...selectionBody(selection), owner: v.owner ?? '' } });
      message.success(t('bulk.done', { n: num(r.changed) }));
    } else if (dialog === 'tag' || dialog === 'untag') {
      const r = await api<{ tag: string; selected: number; changed: number }>(`/customers/bulk/${dialog}`,
        { json: { ...selectionBody(selection), tag: v.tag ?? '' } });
      message.success(dialog === 'tag'
        ? t('bulk.tagged', { n: num(r.changed), tag: r.tag, same: num(r.selected - r.changed) })
        : t('bulk.untagged', { n: num(r.changed), tag: r.tag }));
    } else {
      const r = await api<TasksCreated>('/customers/bulk/task', { json: {
        ...selectionBody(selection), type: v.type, channel: v.channel, dueDate: v.due.format('YYYY-MM-DD'), note: v.note ?? '' } });
      message.success(t('bulk.tasksDone', { n: num(r.created), skipped: num(r.existing) }));
      // Made anyway, and audited with the experiment: the user is told they are serving a control group.
      if (r.heldOut.length) {
        message.warning({ content: <span data-testid="bulk-held-out">{heldOutText(r.heldOut, t)}</span>, duration: 12 });
      }
    }
    setDialog(null);
    onDone();
  });

  const openTags = (which: 'tag' | 'untag') => {
    setDialog(which);
    api<TagCount[]>('/tags').then(setTagsInUse, () => setTagsInUse([]));
  };
  const titles = { assign: t('bulk.assign'), task: t('bulk.task'), tag: t('bulk.tag'), untag: t('bulk.untag') };

  const exportCalls = () => run(() => download('/customers/bulk/call-list', `${t('work.callList')}.csv`,
    { json: { ...selectionBody(selection), lang } }));

  return (
    <div data-testid="bulk-bar" style={{ marginBottom: 12 }}>
      <Space wrap>
        <Typography.Text strong data-testid="bulk-count">{t('bulk.selected', { n: num(n) })}</Typography.Text>
        {selection.kind === 'rows' && total > n && (
          <Button type="link" data-testid="bulk-all" onClick={() => onSelect({ kind: 'filter', filter, total })}>
            {t('bulk.allFilter', { n: num(total) })}</Button>
        )}
        {session.can('bulkAssign') && <Button disabled={!fits} loading={busy} data-testid="bulk-assign"
          onClick={() => setDialog('assign')}>{t('bulk.assign')}</Button>}
        {session.can('bulkTask') && <Button disabled={!fits} loading={busy} data-testid="bulk-task"
          onClick={() => setDialog('task')}>{t('bulk.task')}</Button>}
        <Button disabled={!fits} loading={busy} data-testid="bulk-tag" onClick={() => openTags('tag')}>{t('bulk.tag')}</Button>
        <Button disabled={!fits} loading={busy} data-testid="bulk-untag" onClick={() => openTags('untag')}>{t('bulk.untag')}</Button>
        <Button disabled={!fits} loading={busy} data-testid="bulk-call-list" onClick={exportCalls}>{t('bulk.callList')}</Button>
        <Button type="link" onClick={() => onSelect({ kind: 'rows', ids: [] })}>{t('bulk.clear')}</Button>
      </Space>
      {!fits && <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="bulk-too-many"
        message={t('bulk.tooMany', { max: num(BULK_MAX) })} />}
      <Modal open={dialog !== null} title={dialog ? titles[dialog] : ''} onCancel={() => setDialog(null)}
        onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'bulk-submit' }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('bulk.selected', { n: num(n) })}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}
          initialValues={{ type: 'follow_up', channel: 'phone', due: dayjs().add(1, 'day') }}>
          {dialog === 'assign' ? (
            <Form.Item name="owner" label={t('bulk.owner')}>
              <Select allowClear showSearch data-testid="bulk-owner" options={(meta?.owners ?? []).map((o) => ({ value: o, label: o }))} />
            </Form.Item>
          ) : dialog === 'tag' || dialog === 'untag' ? (
            <Form.Item name="tag" label={t('bulk.tagName')} rules={[{ required: true, whitespace: true }]}>
              <AutoComplete data-testid="bulk-tag-name" options={tagsInUse.map((c) => ({ value: c.tag }))}
                filterOption={(input, o) => String(o?.value ?? '').includes(input)} />
            </Form.Item>
          ) : <>
            <Form.Item name="type" label={t('bulk.taskType')}>
              <Select data-testid="bulk-type" options={TYPES.map((v) => ({ value: v, label: t(`taskType.${v}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="channel" label={t('bulk.channel')}>
              <Select data-testid="bulk-channel" options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="due" label={t('bulk.due')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="bulk-due" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="note" label={t('bulk.note')} rules={[{ max: 500 }]}>
              <Input maxLength={500} data-testid="bulk-note" />
            </Form.Item>
          </>}
        </Form>
      </Modal>
    </div>
  );
}
