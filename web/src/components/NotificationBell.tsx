// The bell in the header: unread count (polled), and a drawer listing the user's notifications (due tasks, pool
// warnings, escalations); opening one marks it read and goes to its customer.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Drawer, Grid, List, Space, Switch, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { buildQuery } from '../api/query';
import type { AppNotification, Page } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { labelOf } from '../i18n/locale';
import { messages, type MessageKey } from '../i18n/messages';
import { ErrorAlert } from './ErrorAlert';
import { useFromHere } from './DetailLink';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t, lang, dateTime } = useI18n();
  const navigate = useNavigate();
  const fromHere = useFromHere();
  const phone = !Grid.useBreakpoint().md;
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [list, setList] = useState<Page<AppNotification> | null>(null);
  const [error, setError] = useState<unknown>(null);

  const count = useCallback(() => {
    api<{ unread: number }>('/notifications/unread-count').then((r) => setUnread(r.unread)).catch(() => {});
  }, []);
  const load = useCallback(() => {
    api<Page<AppNotification>>('/notifications' + buildQuery({ unread: unreadOnly || undefined, size: 50 }))
      .then((page) => { setList(page); setError(null); }).catch(setError);
    count();
  }, [unreadOnly, count]);

  useEffect(() => {
    count();
    const timer = setInterval(count, POLL_MS);
    return () => clearInterval(timer);
  }, [count]);
  useEffect(() => { if (open) load(); }, [open, load]);

  const markRead = async (n: AppNotification) => {
    if (!n.readAt) await api(`/notifications/${n.id}/read`, { method: 'POST' }).catch(() => {});
    if (n.customerId) {
      setOpen(false);
      navigate(`/customers/${encodeURIComponent(n.customerId)}`, { state: fromHere });
    }
    load();
  };
  const readAll = async () => {
    try { await api('/notifications/read-all', { method: 'POST' }); load(); } catch (e) { setError(e); }
  };
  const kind = (k: string) => (`bell.kind.${k}` in messages.en ? t(`bell.kind.${k}` as MessageKey) : k);

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label={t('bell.title')} data-testid="bell">
          <span data-testid="bell-count" data-count={unread} hidden />
        </Button>
      </Badge>
      <Drawer open={open} onClose={() => { setOpen(false); count(); }} title={t('bell.title')} width={phone ? '100%' : 420}
        data-testid="bell-drawer" extra={
          <Space>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} data-testid="bell-unread-only" />
            <Typography.Text type="secondary">{t('bell.unreadOnly')}</Typography.Text>
            <Button size="small" onClick={readAll} disabled={unread === 0} data-testid="bell-read-all">{t('bell.readAll')}</Button>
          </Space>
        }>
        <ErrorAlert error={error} />
        <List<AppNotification> dataSource={list?.items ?? []} locale={{ emptyText: t('bell.none') }} rowKey="id"
          renderItem={(n) => (
            <List.Item data-testid="notification-row" data-id={n.id} data-kind={n.kind} data-task={n.taskId ?? ''} data-read={!!n.readAt} style={{ cursor: 'pointer' }}
              onClick={() => markRead(n)}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space size={6}>
                  {!n.readAt && <Badge status="processing" />}
                  <Tag color={n.kind === 'escalation' ? 'red' : n.kind === 'pool_warning' ? 'orange' : 'blue'}>{kind(n.kind)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dateTime(n.createdAt)}</Typography.Text>
                </Space>
                <Typography.Text strong={!n.readAt}>{labelOf(n.text, lang)}</Typography.Text>
              </Space>
            </List.Item>
          )} />
      </Drawer>
    </>
  );
}
