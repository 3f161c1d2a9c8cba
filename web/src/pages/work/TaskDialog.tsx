// Completing a task with an outcome and a note, rescheduling it to a new due day (outcome "rescheduled": it stays
// open), or skipping it with a reason (POST /tasks/{id}/complete | skip).
import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Task, TaskOutcome } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';

export const OUTCOMES: TaskOutcome[] = ['reached', 'no_answer', 'rescheduled', 'lost'];

/**
 * Sends a completion (with the new due day when rescheduling); the caller shows the toast and reloads. Shared by the
 * dialog and the one-click button.
 */
export function completeTask(task: Task, outcome: TaskOutcome, note: string, dueDate?: string): Promise<Task> {
  return api<Task>(`/tasks/${task.id}/complete`, { json: dueDate ? { outcome, note, dueDate } : { outcome, note } });
}

export function TaskDialog({ task, mode, onClose, onDone }: {
  task: Task; mode: 'complete' | 'skip'; onClose: () => void; onDone: (task: Task) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: TaskOutcome; note: string; reason: string; due: Dayjs }>();
  const outcome = Form.useWatch('outcome', form);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const rescheduled = mode === 'complete' && values.outcome === 'rescheduled';
      const done = mode === 'complete'
        ? await completeTask(task, values.outcome, values.note ?? '',
          rescheduled ? values.due.format('YYYY-MM-DD') : undefined)
        : await api<Task>(`/tasks/${task.id}/skip`, { json: { reason: values.reason } });
      message.success(rescheduled ? t('work.rescheduled', { date: done.dueDate })
        : mode === 'complete' ? t('work.completed', { outcome: t(`outcome.${values.outcome}` as MessageKey) })
          : t('work.skipped'));
      onDone(done);
    } catch (e) {
      message.error(<span data-testid="task-error">{errorText(e, t)}</span>);
      setSaving(false);
    }
  };

  return (
    <Modal open title={mode === 'complete' ? t('work.complete') : t('work.skip')} onCancel={onClose} onOk={submit}
      confirmLoading={saving} okButtonProps={{ 'data-testid': `task-${mode}-submit` }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'reached', due: dayjs().add(1, 'day') }}>
        {mode === 'complete' ? (
          <>
            <Form.Item name="outcome" label={t('work.outcome')}>
              <Radio.Group data-testid="task-outcome" optionType="button"
                options={OUTCOMES.map((o) => ({ value: o, label: <span data-value={o}>{t(`outcome.${o}` as MessageKey)}</span> }))} />
            </Form.Item>
            {outcome === 'rescheduled' && (
              <Form.Item name="due" label={t('work.newDue')} rules={[{ required: true, message: t('work.newDueRequired') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="task-new-due" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('work.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="task-note" maxLength={2000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('work.skipReason')}
            rules={[{ required: true, whitespace: true, message: t('work.reasonRequired') }, { max: 2000 }]}>
            <Input.TextArea rows={3} data-testid="task-skip-reason" maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
