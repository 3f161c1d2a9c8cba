// On the customer's page: the experiments it is in (GET /customers/{id}/experiments), so nobody serves a held-out
// customer by hand without knowing. Says nothing when the customer is in none or the call fails.
import { Alert } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { Membership } from './experiments';

export function HeldOutNotice({ customerId }: { customerId: string }) {
  const { t, date } = useI18n();
  const path = `/customers/${encodeURIComponent(customerId)}/experiments`;
  const { data } = useLoad(() => api<Membership[]>(path), [path]);
  if (!Array.isArray(data) || data.length === 0) return null;
  return (
    <>
      {data.map((m) => (
        <Alert key={m.experiment} type={m.heldOut ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }}
          data-testid={m.heldOut ? 'c360-held-out' : 'c360-treated'}
          message={<DetailLink to={`/experiments/${encodeURIComponent(m.experiment)}`}>{m.heldOut
            ? t('exp.customer.heldOut', { experiment: m.experiment, date: date(m.plannedEnd) })
            : t('exp.customer.treated', { experiment: m.experiment })}</DetailLink>} />
      ))}
    </>
  );
}
