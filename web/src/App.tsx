// Routes, the antd locale and the page frame. Pages load lazily (pageChunks.ts) so sign-in does not wait for them.
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider, Spin, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useI18n } from './i18n/I18n';
import { SessionProvider, useSession } from './auth/Session';
import { MetaProvider } from './api/Meta';
import { Shell } from './components/Shell';
import { SignIn } from './pages/SignIn';
import { NoAccess, NotFound } from './components/NotFound';
import { ChunkBoundary } from './components/ChunkBoundary';
import { pagesFor, type PageKey } from './auth/roles';
import { pages, ROUTES, type PageName } from './pageChunks';

/** Pages a role without them in its menu may still type into the address bar. */
const GUARDED: Partial<Record<PageName, PageKey>> = { model: 'model', imports: 'imports', duplicates: 'duplicates', admin: 'admin' };

// WCAG AA asks 4.5:1 for text. antd's defaults fall short against white or their pale tints: the blue #1677ff (4.1),
// 45 %-black secondary text (3.4), success/warning/error text and danger buttons (1.9–3.3), green and orange tags
// (3.4–3.6), placeholders (25 % black, 1.8); and its hover colours are lighter still. A shade darker each reads at
// 5–7:1, and hover goes darker.
const BLUE = '#0958d9', DARK_BLUE = '#003eb3', GREY = 'rgba(0, 0, 0, 0.6)', GREEN = '#237804', ORANGE = '#ad4e00', RED = '#cf1322';
const THEME: ThemeConfig = {
  token: {
    colorPrimary: BLUE, colorPrimaryHover: DARK_BLUE, colorInfo: BLUE, colorLink: BLUE, colorLinkHover: DARK_BLUE,
    colorTextSecondary: GREY, colorTextDescription: GREY, colorTextTertiary: GREY, colorTextPlaceholder: GREY,
    colorSuccessText: GREEN, colorWarningText: ORANGE, colorErrorText: RED, colorError: RED, colorErrorHover: '#a8071a',
  },
  // An empty list's text is antd's disabled grey (25 % black, 1.6:1): it says something, so it reads like secondary text.
  components: { Tag: { colorSuccess: GREEN, colorWarning: ORANGE, green7: GREEN, orange7: ORANGE }, List: { colorTextDisabled: GREY } },
};

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <SessionProvider>
          <Routes>
            <Route path="/signin" element={<SignIn />} />
            <Route path="*" element={<SignedIn />} />
          </Routes>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function SignedIn() {
  const { me, ready } = useSession();
  const { pathname } = useLocation();
  if (!ready) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me) return <Navigate to="/signin" replace state={{ from: window.location.pathname + window.location.search }} />;
  return (
    <MetaProvider>
      <Shell>
        <ChunkBoundary path={pathname}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Routes>
              {ROUTES.map(([path, name]) => {
                const { Page } = pages[name];
                const guard = GUARDED[name];
                return <Route key={path} path={path} element={guard ? <Guarded page={guard}><Page /></Guarded> : <Page />} />;
              })}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </ChunkBoundary>
      </Shell>
    </MetaProvider>
  );
}

/** A page typed into the address bar by a role whose menu lacks it says so, instead of showing an editor it cannot use. */
function Guarded({ page, children }: { page: PageKey; children: ReactNode }) {
  const { me } = useSession();
  return pagesFor(me?.role).includes(page) ? <>{children}</> : <NoAccess />;
}
