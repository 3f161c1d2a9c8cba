// Satisfaction by tier, owner or top product category with response rates (GET /surveys/satisfaction), over the
// customers the user may see; the server counts, satisfaction.ts words the cells.
import { useState, type HTMLAttributes } from 'react';
import { Card, Empty, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  groupName, rateText, SATISFACTION_BY, SATISFACTION_DAYS, satisfactionPath, scoreText,
  type Satisfaction, type SatisfactionBy, type SatisfactionRow,
} from './satisfaction';
import { loadOnce } from './dashboardLoads';

export function SatisfactionCard() {
  const { t, num, pct, date } = useI18n();
  const { tierName } = useMeta();
  const [by, setBy] = useState<SatisfactionBy>('tier');
  const [days, setDays] = useState(90);
  const { data, error } = useLoad((signal) => loadOnce<Satisfaction>(satisfactionPath(by, days), signal), [by, days]);

  const label = (r: SatisfactionRow): string => {
    const name = groupName(r, by);
    if (name.kind === 'all') return t('sat.all');
    if (name.kind === 'pool') return t('sat.pool');
    if (name.kind === 'none') return t(`sat.none.${name.by}` as MessageKey);
    return name.by === 'tier' ? tierName(name.key) : name.key;
  };
  const count = (n: number) => num(n);
  const empty = !!data && data.rows.length === 1 && data.rows[0].invited === 0
    && data.rows[0].npsAnswers === 0 && data.rows[0].csatAnswers === 0;

  return (
    <Card size="small" data-testid="satisfaction" title={
      <Tooltip title={t('sat.help')}><span>{t('sat.title')} <QuestionCircleOutlined /></span></Tooltip>}>
      {/* Selectors in the body, wrapping: a card's title bar has no room for them on a 390 px phone. */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<SatisfactionBy> size="small" value={by} onChange={setBy} aria-label={t('sat.by')} data-testid="satisfaction-by"
          options={SATISFACTION_BY.map((b) => ({ value: b, label: t(`sat.by.${b}` as MessageKey) }))} />
        <Segmented<number> size="small" value={days} onChange={setDays} aria-label={t('sat.days')} data-testid="satisfaction-days"
          options={SATISFACTION_DAYS.map((d) => ({ value: d, label: t('sat.daysOption', { days: d }) }))} />
        {data && <Typography.Text type="secondary">{t('sat.period', { from: date(data.from), to: date(data.to) })}</Typography.Text>}
      </Space>
      {error && <ErrorAlert error={error} />}
      {empty ? <Empty description={t('sat.empty')} /> : (
        <Table<SatisfactionRow> size="small" pagination={false} scroll={{ x: true }} loading={!data && !error}
          rowKey={(r) => (r.all ? '\u0000all' : r.group ?? '\u0000none')} dataSource={data?.rows ?? []}
          onRow={(r) => ({ 'data-testid': 'satisfaction-row', 'data-group': r.all ? '' : r.group ?? '' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('sat.group'), key: 'group', render: (_: unknown, r) => (r.all ? <strong>{label(r)}</strong> : label(r)) },
            { title: t('sat.invited'), dataIndex: 'invited', align: 'right', render: count },
            { title: t('sat.answered'), dataIndex: 'answered', align: 'right', render: count },
            { title: t('sat.rate'), key: 'rate', align: 'right', render: (_: unknown, r) => rateText(r, pct) },
            { title: t('sat.nps'), key: 'nps', align: 'right', render: (_: unknown, r) => scoreText(r.nps, r.npsAnswers, (n) => num(n, 0), count) },
            { title: t('sat.csat'), key: 'csat', align: 'right', render: (_: unknown, r) => scoreText(r.csat, r.csatAnswers, (n) => num(n, 2), count) },
          ]} />
      )}
    </Card>
  );
}
