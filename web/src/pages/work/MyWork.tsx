// 我的待办: the open tasks due today or overdue (or in the next 14 days) of the customers the user sees — a rep's own,
// a manager's team's — grouped by kind of work, with the day's call list beside them.
import { useState } from 'react';
import { App, Badge, Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { buildQuery } from '../../api/query';
import type { Page, Task } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { errorText } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CallList } from './CallList';
import { TeamSummary } from './TeamSummary';
import { TierBudget } from './TierBudget';
import { TaskDialog, completeTask } from './TaskDialog';
import { TaskItem } from './TaskItem';
import { countText, dueBefore, groupByType, localDay, type Range } from './tasks';

const SIZE = 200;

export default function MyWork() {
  const { t, num } = useI18n();
  const { meta } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const range: Range = params.get('range') === 'upcoming' ? 'upcoming' : 'today';
  const owner = params.get('owner') ?? '';
  const today = localDay(new Date());
  const filter = { status: 'open', dueBefore: dueBefore(range, today), owner, size: SIZE };
  const query = buildQuery(filter);
  const loaded = useLoad(() => api<Page<Task>>('/tasks' + query), [query]);
  const { data, error, loading } = loaded;
  const [dialog, setDialog] = useState<{ task: Task; mode: 'complete' | 'skip' } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  // Pages after the first, each from the previous one's cursor (as deep as the first costs the server); they belong
  // to the query that loaded them and are dropped with a reload, which may have changed what follows.
  const [more, setMore] = useState<{ query: string; items: Task[]; next?: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more?.query === query ? more : null;
  const tasks = [...(data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : data?.next;
  const reload = () => { setMore(null); loaded.reload(); };
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await api<Page<Task>>('/tasks' + buildQuery({ ...filter, after: next }));
      setMore({ query, items: [...(extra?.items ?? []), ...page.items], next: page.next });
    } catch (e) {
      message.error(<span data-testid="task-error">{errorText(e, t)}</span>);
    } finally { setLoadingMore(false); }
  };
  const showOwner = session.can('filterByOwner');

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  const quickDone = async (task: Task) => {
    setBusy(task.id);
    try {
      await completeTask(task, 'reached', '');
      message.success(t('work.completed', { outcome: t('outcome.reached') }));
      reload();
    } catch (e) {
      message.error(<span data-testid="task-error">{errorText(e, t)}</span>);
      reload();
    } finally { setBusy(null); }
  };

  const groups = groupByType(tasks);
  return (
    <div data-testid="my-work" data-range={range}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented data-testid="work-range" value={range} onChange={(v) => set('range', v === 'today' ? '' : String(v))}
          options={[{ value: 'today', label: t('work.today') }, { value: 'upcoming', label: t('work.upcoming') }]} />
        {showOwner && (
          <Select allowClear showSearch placeholder={t('work.owner')} aria-label={t('work.owner')} style={{ width: 140 }} value={owner || undefined}
            data-testid="work-owner" onChange={(v) => set('owner', v ?? '')}
            options={(meta?.owners ?? []).map((o) => ({ value: o, label: o }))} />
        )}
        {data && <Typography.Text type="secondary" data-testid="work-total">{t('work.count', { n: countText(data, num) })}</Typography.Text>}
      </Space>
      {showOwner && (meta?.owners.length ?? 0) > 0 && (
        <TeamSummary owners={meta?.owners ?? []} onPick={(o) => set('owner', o)} />
      )}
      <TierBudget team={showOwner} />
      <ErrorAlert error={error} />
      {data && data.total > tasks.length && (
        <Typography.Paragraph type="warning">{t('work.more', { shown: num(tasks.length), n: countText(data, num) })}</Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={range === 'today' ? 16 : 24}>
          {loading && !data ? <Spin /> : groups.length === 0 ? (
            <Card><Empty description={t('work.none')} data-testid="work-empty" /></Card>
          ) : (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {groups.map((group) => (
                <Card key={group.type} size="small" data-testid="task-group" data-type={group.type}
                  title={<Space>{t(`taskType.${group.type}` as MessageKey)}<Badge count={group.tasks.length} showZero color="#0958d9" /></Space>}>
                  {group.tasks.map((task, i) => (
                    <div key={task.id} style={{ padding: '10px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
                      <TaskItem task={task} today={today} busy={busy === task.id}
                        showOwner={showOwner} onQuickDone={() => quickDone(task)} onOpen={(mode) => setDialog({ task, mode })} />
                    </div>
                  ))}
                </Card>
              ))}
            </Space>
          )}
          {next && (
            <Button block style={{ marginTop: 16 }} loading={loadingMore} onClick={loadMore} data-testid="work-show-more">
              {t('work.showMore', { n: num(SIZE) })}
            </Button>
          )}
        </Col>
        {range === 'today' && (
          <Col xs={24} xl={8}><CallList tasks={tasks} today={today} owner={owner} /></Col>
        )}
      </Row>
      {dialog && (
        <TaskDialog task={dialog.task} mode={dialog.mode} onClose={() => setDialog(null)}
          onDone={() => { setDialog(null); reload(); }} />
      )}
    </div>
  );
}
