// The minimum detectable effect per tier and overall (tier ""), as GET /experiments/{id} and /experiments/plan give it.
import { useI18n } from '../../i18n/I18n';
import { useMeta } from '../../api/Meta';
import type { Mde } from './experiments';

export function MdeList({ mde }: { mde: Mde[] }) {
  const { t, num, pct } = useI18n();
  const { tierName } = useMeta();
  const tierLabel = (tier: string) => (tier ? tierName(tier) : t('exp.overall'));
  return (
    <>
      {mde.map((m) => (
        <div key={m.tier || '*'} data-testid={`mde-${m.tier || 'overall'}`}>{m.mde !== null
          ? t('exp.mde.value', { tier: tierLabel(m.tier), mde: `${(m.mde * 100).toFixed(1)} pp`, baseline: pct(m.baseline), n: num(m.customers) })
          : t(m.reason === 'too_few' ? 'exp.mde.too_few' : 'exp.mde.no_variation', { tier: tierLabel(m.tier), baseline: pct(m.baseline) })}</div>
      ))}
    </>
  );
}
