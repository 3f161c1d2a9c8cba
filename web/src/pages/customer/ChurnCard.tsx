// The churn classifier's answer for one customer on the 360° page: churn_prob, the features that raise it most
// (their names from GET /meta) and the behaviour cluster; nothing when the run computed neither.
import { Card, Descriptions } from 'antd';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

/** A cluster as the server stores it: where its centre lies on each axis (low, mid, high) and the centre itself. */
export interface ClusterProfile {
  id: number;
  frequency: string;
  order_size: string;
  recency: string;
  recency_days: number | null;
  purchase_days: number | null;
  avg_order_value: number | null;
}

const LEVELS = ['low', 'mid', 'high'];

/** e.g. "#2: frequent small orders, recent" / "#2：高频小额、近期活跃"; null for codes this page does not know. */
export function clusterText(c: ClusterProfile, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string | null {
  if (![c.frequency, c.order_size, c.recency].every((l) => LEVELS.includes(l))) return null;
  return t('churn.clusterText', {
    id: c.id,
    frequency: t(`cluster.frequency.${c.frequency}` as MessageKey),
    size: t(`cluster.size.${c.order_size}` as MessageKey),
    recency: t(`cluster.recency.${c.recency}` as MessageKey),
  });
}

/** The reasons' names joined the way each language lists things. */
export function reasonText(codes: string[], name: (code: string) => string, lang: string): string {
  return codes.map(name).join(lang === 'zh' ? '、' : ', ');
}

export function ChurnCard({ metrics }: { metrics: Record<string, unknown> }) {
  const { t, pct, lang, num, money } = useI18n();
  const { codeName } = useMeta();
  const prob = metrics.churn_prob;
  const cluster = metrics.cluster;
  const hasProb = typeof prob === 'number';
  const hasCluster = typeof cluster === 'number' && cluster > 0;
  if (!hasProb && !hasCluster) return null;
  // No reasons at all: the probability is the BG/NBD baseline's (the classifier lost on the held-out customers).
  const reasons = Array.isArray(metrics.churn_reasons) ? (metrics.churn_reasons as string[]) : null;
  const items = [];
  if (hasProb) {
    items.push({ key: 'prob', label: t('churn.prob'), children: <span data-testid="c360-churn-prob">{pct(prob)}</span> });
    items.push({
      key: 'reasons', label: t('churn.reasons'),
      children: <span data-testid="c360-churn-reasons">
        {reasons === null ? t('churn.fromBaseline')
          : reasons.length ? reasonText(reasons, (c) => codeName('churnFeatures', c), lang) : t('churn.noReasons')}
      </span>,
    });
  }
  if (hasCluster) {
    const profile = metrics.cluster_profile as ClusterProfile | undefined;
    const text = profile ? clusterText(profile, t) : null;
    items.push({
      key: 'cluster', label: t('churn.cluster'),
      children: <span data-testid="c360-cluster">
        {text ?? `#${cluster}`}
        {profile && text && <><br />{t('churn.clusterCentre', {
          days: num(profile.recency_days, 0), purchaseDays: num(profile.purchase_days, 1), aov: money(profile.avg_order_value),
        })}</>}
      </span>,
    });
  }
  return (
    <Card title={t('churn.title')} size="small" data-testid="c360-churn">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
