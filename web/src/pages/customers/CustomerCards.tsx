// The customer list on a phone: one card per customer (name, tier, owner, CLV, lifecycle, next step), the table's
// paging.
import { Card, List, Space, Tag, Typography } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import type { CustomerRow, Page } from '../../api/types';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import { TierTag } from '../../components/TierTag';
import { NextStep } from '../../components/NextStep';

export function CustomerCards({ data, loading, page, size, totalText, onPage }: {
  data: Page<CustomerRow> | null | undefined; loading: boolean; page: number; size: number;
  totalText: (n: number) => React.ReactNode; onPage: (page: number, size: number) => void;
}) {
  const { t, money, num } = useI18n();
  const { codeName } = useMeta();
  return (
    <List<CustomerRow>
      data-testid="customer-cards" loading={loading} dataSource={data?.items ?? []} rowKey="id"
      pagination={{ current: page + 1, pageSize: size, total: data?.total ?? 0, simple: true, showTotal: totalText,
        onChange: (p, s) => onPage(p - 1, s) }}
      renderItem={(row) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="customer-row" data-id={row.id} data-owner={row.owner ?? ''}
            data-tier={row.tier}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <DetailLink to={`/customers/${encodeURIComponent(row.id)}`} data-testid="customer-link">
                  <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>{row.name || row.id}</Typography.Text>
                </DetailLink>
                <TierTag tier={row.tier} />
              </Space>
              <Typography.Text type="secondary">
                {t('cust.owner')}: <span data-testid="row-owner">{row.owner ?? '—'}</span>
                {' · '}{t('cust.clv')}: {money(row.clv)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {codeName('lifecycle', row.lifecycle)}{' · '}{t('cust.recency')}: {num(row.recencyDays)}
                {row.overridden && <Tag style={{ marginLeft: 8 }}>{t('cust.overridden')}</Tag>}
              </Typography.Text>
              <span>{t('cust.nextTask')}: <NextStep row={row} /></span>
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
