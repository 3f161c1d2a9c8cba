// The churn classifier's answer for one customer on the 360° page: churn_prob, the features that raise it most
// (their names from GET /meta) and the behaviour cluster; nothing when the run computed neither.
import { Card, Descriptions } from 'antd';
import { useMeta } from '../../api/Meta';
import { useI18n } from '../../i18n/I18n';

/** The reasons' names joined the way each language lists things. */
export function reasonText(codes: string[], name: (code: string) => string, lang: string): string {
  return codes.map(name).join(lang === 'zh' ? '、' : ', ');
}

export function ChurnCard({ metrics }: { metrics: Record<string, unknown> }) {
  const { t, pct, lang } = useI18n();
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
  if (hasCluster) items.push({ key: 'cluster', label: t('churn.cluster'), children: `#${cluster}` });
  return (
    <Card title={t('churn.title')} size="small" data-testid="c360-churn">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
