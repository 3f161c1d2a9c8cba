// The customer's product preference (GET /customers/{id}/products): top categories with their share of spend and last
// purchase, top products, and the next-best product with its reason in plain words; under the history on the 360° page.
import { Card, Progress, Space, Typography } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

interface Item { name: string; cents: number; share: number | null; last: string }
/** customers: buyers of both across all customers, null for a sales user (their figures stay within their own). */
interface Next { item: string; because: string; lift: number; customers: number | null }
export interface Products {
  snapshot: number; asOf: string; topCategory: string | null; topShare: number | null;
  categories: Item[]; products: Item[]; next: Next | null;
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Why the product is suggested, e.g. "Customers who buy 纸 also buy 墨盒: 1.3 times as often as customers overall." */
export function reason(next: Next, t: T, num: (n: number, digits?: number) => string): string {
  const text = t('products.reason', { because: next.because, item: next.item, lift: num(next.lift, 1) });
  return next.customers === null ? text : text + t('products.reasonCount', { customers: num(next.customers) });
}

// Names come from imported files: long ones are cut with an ellipsis (full name on hover), never laid out in full.
const NAME = { maxWidth: 260 };

export function ProductPreference({ customerId }: { customerId: string }) {
  const { t, num, pct, date } = useI18n();
  const { data } = useLoad(() => api<Products>(`/customers/${encodeURIComponent(customerId)}/products`), [customerId]);
  if (!data) return null;
  const empty = data.categories.length === 0 && data.products.length === 0;
  return (
    <Card title={t('products.title')} size="small" style={{ marginTop: 16 }} data-testid="c360-products">
      {empty ? <Typography.Text type="secondary">{t('products.none')}</Typography.Text> : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.categories.length > 0 && <Typography.Text strong>{t('products.categories')}</Typography.Text>}
          {data.categories.map((c) => (
            <div key={c.name} data-testid="products-category">
              <Space size="small" wrap>
                <Typography.Text ellipsis={{ tooltip: c.name }} style={NAME}>{c.name}</Typography.Text>
                <Typography.Text>{pct(c.share)}</Typography.Text>
                <Typography.Text type="secondary">{t('products.last', { date: date(c.last) })}</Typography.Text>
              </Space>
              <Progress size="small" percent={Math.round(100 * (c.share ?? 0))} showInfo={false} aria-label={c.name} />
            </div>
          ))}
          {data.products.length > 0 && (
            <Typography.Paragraph style={{ margin: 0 }} data-testid="products-top">
              <Typography.Text strong>{t('products.products')}: </Typography.Text>
              {data.products.map((p) => (
                <Typography.Text key={p.name} ellipsis={{ tooltip: p.name }} style={{ ...NAME, marginRight: 8 }}>
                  {p.name} ({pct(p.share)})
                </Typography.Text>
              ))}
            </Typography.Paragraph>
          )}
          {data.next ? (
            <div data-testid="products-next">
              <Typography.Text strong ellipsis={{ tooltip: data.next.item }} style={{ maxWidth: '100%' }}>
                {t('products.next', { item: data.next.item })}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="products-reason">
                {reason(data.next, t, num)}
              </Typography.Paragraph>
            </div>
          ) : <Typography.Text type="secondary">{t('products.noNext')}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
