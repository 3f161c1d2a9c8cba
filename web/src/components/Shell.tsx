// The frame around every signed-in page: navigation by role, language switch, the user and sign-out.
import type { ReactNode } from 'react';
import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { DashboardOutlined, TeamOutlined, ApartmentOutlined, PlayCircleOutlined, UploadOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../auth/Session';
import { pagesFor, type PageKey } from '../auth/roles';
import type { MessageKey } from '../i18n/messages';

const PAGES: Record<PageKey, { path: string; icon: ReactNode }> = {
  dashboard: { path: '/', icon: <DashboardOutlined /> },
  customers: { path: '/customers', icon: <TeamOutlined /> },
  model: { path: '/model', icon: <ApartmentOutlined /> },
  runs: { path: '/runs', icon: <PlayCircleOutlined /> },
  imports: { path: '/imports', icon: <UploadOutlined /> },
  admin: { path: '/admin', icon: <SettingOutlined /> },
};

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const location = useLocation();
  const pages = pagesFor(me?.role);
  const selected = pages.filter((p) => PAGES[p].path !== '/' ? location.pathname.startsWith(PAGES[p].path) : location.pathname === '/');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} theme="dark">
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px' }}>Strata</div>
        <Menu
          theme="dark" mode="inline" selectedKeys={selected}
          items={pages.map((p) => ({
            key: p, icon: PAGES[p].icon,
            label: <Link to={PAGES[p].path} data-testid={`nav-${p}`}>{t(`nav.${p}` as MessageKey)}</Link>,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space size="middle">
            <Segmented
              data-testid="lang-switch" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]}
            />
            <span data-testid="current-user" data-role={me?.role}>
              {me?.displayName || me?.username} <Tag>{t(`role.${me?.role ?? 'sales'}` as MessageKey)}</Tag>
            </span>
            <Button onClick={signOut} data-testid="sign-out">{t('signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
