// Before/after of the latest model change (GET /before-after): customers of the tiers the change touched against the
// rest, over equal windows, always shown with the server's note that this is weaker evidence than a control group.
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { useMeta } from '../../api/Meta';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatChange, formatInterval, type BeforeAfter, type BeforeAfterComparison } from './experiments';

export function BeforeAfterCard() {
  const { t, lang, num, money, date } = useI18n();
  const { tierName } = useMeta();
  const { data, error, loading } = useLoad(() => api<BeforeAfter>('/before-after'), []);
  if (error) return <ErrorAlert error={error} />;
  const c = data?.change;
  return (
    <Card title={t('ba.title')} loading={loading} style={{ marginTop: 16 }} data-testid="before-after">
      {data && (!c || !data.window) ? <Empty description={t('ba.none')} /> : data && c && data.window && (
        <>
          <Typography.Paragraph>{t('ba.change', { run: c.run, asOf: date(c.asOf), from: c.fromVersion, to: c.toVersion,
            tiers: c.touchedTiers.length ? c.touchedTiers.map(tierName).join(lang === 'zh' ? '、' : ', ') : t('ba.noTouched') })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('ba.windows', { beforeFrom: date(data.window.beforeFrom),
            beforeTo: date(data.window.beforeTo), afterFrom: date(data.window.afterFrom), afterTo: date(data.window.afterTo) })}</Typography.Paragraph>
          {data.evidence && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={data.evidence.text[lang]} data-testid="ba-evidence" />}
          {data.warnings.map((w, i) => <Alert key={i} type="warning" showIcon style={{ marginBottom: 8 }} message={w.text[lang]} />)}
          <Table<BeforeAfterComparison> size="small" pagination={false} rowKey="metric" dataSource={data.comparisons} scroll={{ x: 700 }}
            columns={[
              { title: t('ba.metric'), key: 'metric', render: (_: unknown, x: BeforeAfterComparison) => x.label[lang] },
              { title: t('ba.touched'), key: 'touched', render: (_: unknown, x: BeforeAfterComparison) => formatChange(x.metric, x.touchedBefore, x.touchedAfter, money) },
              { title: t('ba.untouched'), key: 'untouched', render: (_: unknown, x: BeforeAfterComparison) => formatChange(x.metric, x.untouchedBefore, x.untouchedAfter, money) },
              { title: t('ba.difference'), key: 'difference', render: (_: unknown, x: BeforeAfterComparison) => {
                const text = formatInterval(x.metric, x.difference, money);
                if (!text) return <Typography.Text type="secondary">{t('exp.tooFew')}</Typography.Text>;
                return <span data-testid={`ba-diff-${x.metric}`}>{text}{x.difference?.excludesZero && <Tag color="green" style={{ marginLeft: 6 }}>{t('exp.significant')}</Tag>}</span>;
              } },
              { title: t('ba.n'), key: 'n', align: 'right', render: (_: unknown, x: BeforeAfterComparison) => `${num(x.touched)} / ${num(x.untouched)}` },
            ]} />
        </>
      )}
    </Card>
  );
}
