// Administration: users and audit for admins, API tokens for anyone who may use the batch API.
import { Tabs } from 'antd';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { NotFound } from '../../components/NotFound';
import { Users } from './Users';
import { Tokens } from './Tokens';
import { Audit } from './Audit';

export default function Admin() {
  const { t } = useI18n();
  const session = useSession();
  if (!session.can('manageTokens')) return <NotFound />;
  const tabs = [
    session.can('manageUsers') && { key: 'users', label: t('admin.users'), children: <Users /> },
    { key: 'tokens', label: t('admin.tokens'), children: <Tokens /> },
    session.can('viewAudit') && { key: 'audit', label: t('admin.audit'), children: <Audit /> },
  ].filter((tab): tab is { key: string; label: string; children: JSX.Element } => !!tab);
  return <div data-testid="admin"><Tabs items={tabs} destroyInactiveTabPane /></div>;
}
