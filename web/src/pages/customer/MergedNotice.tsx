// On a merged-away customer's page: into whom it was merged, with a link, so the record does not read as an ordinary
// customer without a tier. A sales user who may not see the survivor is told only that it was merged. On a survivor's
// page: which records it also counts, so its figures can be traced to their records.
import { Alert } from 'antd';
import { DetailLink } from '../../components/DetailLink';
import type { MergedFrom, MergedInto } from '../../api/types';
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
      message={<>{n.lead}{n.link && <> <DetailLink to={n.link.to} data-testid="c360-merged-link">{n.link.label}</DetailLink></>}</>} />
  );
}

/** The survivor's notice: links to the merged-away records the viewer may see, then a count of the others. */
export function mergedFromNotice(m: MergedFrom, t: T): { lead: string; links: { to: string; label: string }[]; more: string | null; detail: string } {
  return {
    lead: m.ids.length === 0 ? t('merged.fromOnlyHidden', { n: m.hidden }) : t('merged.from'),
    links: m.ids.map((i) => ({ to: `/customers/${encodeURIComponent(i.id)}`, label: i.name ? `${i.name} (${i.id})` : i.id })),
    more: m.hidden > 0 && m.ids.length > 0 ? t('merged.fromHidden', { n: m.hidden }) : null,
    detail: t('merged.fromDetail'),
  };
}

export function MergedFromNotice({ merged }: { merged: MergedFrom | null | undefined }) {
  const { t } = useI18n();
  if (!merged) return null;
  const n = mergedFromNotice(merged, t);
  const parts = [...n.links.map((l) => <DetailLink key={l.to} to={l.to} data-testid="c360-merged-from-link">{l.label}</DetailLink>),
    ...(n.more ? [<span key="more">{n.more}</span>] : [])];
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="c360-merged-from" description={n.detail}
      message={<>{n.lead}{' '}{parts.map((p, i) => <span key={i}>{i > 0 && '、'}{p}</span>)}</>} />
  );
}
