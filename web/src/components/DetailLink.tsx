// Links to a detail page (a customer, an experiment) that remember where they were followed from, and the breadcrumb
// on the detail page that leads back there (origin.ts).
import type { ReactNode } from 'react';
import { Breadcrumb } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useLocation, type LinkProps } from 'react-router';
import { useI18n } from '../i18n/I18n';
import { fromHere, originOf } from './origin';

export function DetailLink(props: Omit<LinkProps, 'state'>) {
  const location = useLocation();
  return <Link {...props} state={fromHere(location)} />;
}

/** The state for `navigate(to, { state })` where a link cannot be used (a notification opened by a click). */
export function useFromHere(): { from: string } {
  return fromHere(useLocation());
}

export function BackCrumb({ fallback, current }: { fallback: string; current: ReactNode }) {
  const { t } = useI18n();
  const origin = originOf(useLocation().state, fallback);
  return (
    <Breadcrumb style={{ marginBottom: 8 }} aria-label={t('crumb.label')} data-testid="back-crumb" items={[
      { title: <Link to={origin.to} data-testid="back-link"><ArrowLeftOutlined aria-hidden /> {t(origin.label, origin.vars)}</Link> },
      { title: current },
    ]} />
  );
}
