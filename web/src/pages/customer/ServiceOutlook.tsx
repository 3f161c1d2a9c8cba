// The customer's contact budget left today under each cap of their tier, and their next care event
// (GET /customers/{id}/service); under the history on the 360° page.
import { Card, Progress, Space, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { resourceSummary, type Resources } from '../work/resources';

interface Budget { cap: string; channel: string | null; period: 'week' | 'month'; limit: number; used: number; left: number }
export interface Outlook {
  customerId: string; tier: string | null; asOf: string; budget: Budget[];
  nextCare: { event: string; date: string; taskDate: string } | null; resources: Resources | null;
}

/** The care event's name: a known kind, else the fixed date's own id as written in the model. */
export function careKey(event: string): MessageKey | null {
  return ['birthday', 'anniversary', 'spring_festival', 'dragon_boat', 'mid_autumn'].includes(event)
    ? `care.${event}` as MessageKey : null;
}

export function ServiceOutlook({ customerId }: { customerId: string }) {
  const { t, date, money, pct } = useI18n();
  const { data } = useLoad(() => api<Outlook>(`/customers/${encodeURIComponent(customerId)}/service`), [customerId]);
  if (!data) return null;
  const care = data.nextCare;
  const careName = care ? (careKey(care.event) ? t(careKey(care.event)!) : care.event) : '';
  const resources = resourceSummary(data.resources, t, money, pct);
  return (
    <Card title={t('outlook.title')} size="small" style={{ marginTop: 16 }} data-testid="c360-outlook">
      {data.budget.length === 0 ? <Typography.Text type="secondary">{t('outlook.noCaps')}</Typography.Text> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.budget.map((b) => {
            const cap = t('outlook.cap', {
              channel: b.channel ? t(`channel.${b.channel}` as MessageKey) : t('outlook.all'),
              period: t(b.period === 'week' ? 'outlook.week' : 'outlook.month'), left: b.left, limit: b.limit });
            return (
              <div key={b.cap} data-testid="outlook-cap" data-cap={b.cap}>
                <Typography.Text>{cap}</Typography.Text>
                <Progress size="small" percent={Math.round((100 * Math.min(b.used, b.limit)) / b.limit)} showInfo={false}
                  status={b.left === 0 ? 'exception' : 'normal'} aria-label={cap} />
              </div>
            );
          })}
        </Space>
      )}
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="outlook-care">
        {care ? t('outlook.care', { event: careName, date: date(care.date), task: date(care.taskDate) }) : t('outlook.noCare')}
      </Typography.Paragraph>
      {resources.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="outlook-resources">
          {resources.join(' · ')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
