// The frame around every signed-in page: navigation by role, the notification bell, language switch, the user and sign-out.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import {
  DashboardOutlined, TeamOutlined, ApartmentOutlined, PlayCircleOutlined, UploadOutlined, SettingOutlined, MenuOutlined, LogoutOutlined,
  ScheduleOutlined, InboxOutlined, UserOutlined, ExperimentOutlined, MergeCellsOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../auth/Session';
import { pagesFor, type PageKey } from '../auth/roles';
import type { MessageKey } from '../i18n/messages';
import { NotificationBell } from './NotificationBell';
import { api } from '../api/client';

const PAGES: Record<PageKey, { path: string; icon: ReactNode }> = {
  dashboard: { path: '/', icon: <DashboardOutlined /> },
  work: { path: '/work', icon: <ScheduleOutlined /> },
  customers: { path: '/customers', icon: <TeamOutlined /> },
  pool: { path: '/pool', icon: <InboxOutlined /> },
  model: { path: '/model', icon: <ApartmentOutlined /> },
  runs: { path: '/runs', icon: <PlayCircleOutlined /> },
  experiments: { path: '/experiments', icon: <ExperimentOutlined /> },
  imports: { path: '/imports', icon: <UploadOutlined /> },
  duplicates: { path: '/duplicates', icon: <MergeCellsOutlined /> },
  admin: { path: '/admin', icon: <SettingOutlined /> },
};

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  // The server writes mails in the language its user reads (PUT /me/language): told on sign-in and on each switch.
  // A failure only leaves mails in the earlier language, so it is not shown.
  useEffect(() => {
    if (me) api('/me/language', { method: 'PUT', json: { language: lang } }).catch(() => {});
  }, [me, lang]);
  const location = useLocation();
  const pages = pagesFor(me?.role);
  const selected = pages.filter((p) => PAGES[p].path !== '/' ? location.pathname.startsWith(PAGES[p].path) : location.pathname === '/');
  // Phones (below antd's md, 768 px): the menu collapses to a button opening a drawer, the header keeps one line.
  const phone = !Grid.useBreakpoint().md;
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = (
    <Menu
      theme="dark" mode="inline" selectedKeys={selected} onClick={() => setMenuOpen(false)}
      items={pages.map((p) => ({
        key: p, icon: PAGES[p].icon,
        label: <Link to={PAGES[p].path} data-testid={`nav-${p}`}>{t(`nav.${p}` as MessageKey)}</Link>,
      }))}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" width={220} closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}>
          <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px' }}>Strata</div>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider breakpoint="lg" collapsedWidth={56} theme="dark">
          <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, padding: '16px 20px' }}>Strata</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', padding: phone ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center',
          justifyContent: 'space-between', gap: 8 }}>
          {/* A plain flex row, not antd's Space: at 390 px Space let its items wrap and put the title under the menu
              button. The title stays on the button's line; only on a screen too narrow for it (320 px) it ellipsizes
              rather than slide under the controls on the right. */}
          <div style={{ display: 'flex', flexWrap: 'nowrap', alignItems: 'center', gap: 8, minWidth: 0, flex: '0 1 auto' }}>
            {phone && <Button icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label={t('menu')} aria-expanded={menuOpen} data-testid="menu-button" style={{ flex: 'none' }} />}
            <Typography.Text strong ellipsis data-testid="app-title"
              style={{ whiteSpace: 'nowrap', lineHeight: '32px', flex: '0 1 auto', minWidth: 0 }}>
              {phone ? 'Strata' : t('appName')}
            </Typography.Text>
          </div>
          <Space size={phone ? 'small' : 'middle'} style={{ flexWrap: 'nowrap', flex: 'none' }}>
            <NotificationBell />
            <Segmented
              data-testid="lang-switch" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
              options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]}
            />
            <span data-testid="current-user" data-role={me?.role} style={{ whiteSpace: 'nowrap' }}>
              {/* A phone's header has room for the bell, language and sign-out only: a 99+ badge pushed it 8 px too wide. */}
              {phone ? <UserOutlined title={`${me?.displayName || me?.username} · ${t(`role.${me?.role ?? 'sales'}` as MessageKey)}`} />
                : <>{me?.displayName || me?.username} <Tag>{t(`role.${me?.role ?? 'sales'}` as MessageKey)}</Tag></>}
            </span>
            {phone
              ? <Button icon={<LogoutOutlined />} onClick={signOut} aria-label={t('signOut')} data-testid="sign-out" />
              : <Button onClick={signOut} data-testid="sign-out">{t('signOut')}</Button>}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
