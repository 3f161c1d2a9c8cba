// On a merged-away customer's page: into whom it was merged, with a link, so the record does not read as an ordinary
// customer without a tier. A sales user who may not see the survivor is told only that it was merged.
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { MergedInto } from '../../api/types';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The notice's parts: the lead text, the survivor to link to (null when hidden) and the explanation. */
export function mergedNotice(m: MergedInto, t: T): { lead: string; link: { to: string; label: string } | null; detail: string } {
  const detail = t(m.applied ? 'merged.applied' : 'merged.pending');
  if (m.into === null) return { lead: t('merged.intoHidden'), link: null, detail };
  const label = m.name ? `${m.name} (${m.into})` : m.into;
  return { lead: t('merged.into'), link: { to: `/customers/${encodeURIComponent(m.into)}`, label }, detail };
}

export function MergedNotice({ merged }: { merged: MergedInto | null | undefined }) {
  const { t } = useI18n();
  if (!merged) return null;
  const n = mergedNotice(merged, t);
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="c360-merged" description={n.detail}
      message={<>{n.lead}{n.link && <> <Link to={n.link.to} data-testid="c360-merged-link">{n.link.label}</Link></>}</>} />
  );
}
