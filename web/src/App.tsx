// Routes, the antd locale and the page frame. Pages load lazily so sign-in does not wait for the charts.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { App as AntApp, ConfigProvider, Spin, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useI18n } from './i18n/I18n';
import { SessionProvider, useSession } from './auth/Session';
import { MetaProvider } from './api/Meta';
import { Shell } from './components/Shell';
import { SignIn } from './pages/SignIn';
import { NoAccess, NotFound } from './components/NotFound';
import { pagesFor, type PageKey } from './auth/roles';

const Dashboard = lazy(() => import('./pages/dashboard/Dashboard'));
const Customers = lazy(() => import('./pages/customers/Customers'));
const MyWork = lazy(() => import('./pages/work/MyWork'));
const Pool = lazy(() => import('./pages/pool/Pool'));
const Customer360 = lazy(() => import('./pages/customer/Customer360'));
const TierModel = lazy(() => import('./pages/model/TierModel'));
const Runs = lazy(() => import('./pages/runs/Runs'));
const Imports = lazy(() => import('./pages/imports/Imports'));
const Admin = lazy(() => import('./pages/admin/Admin'));
const Experiments = lazy(() => import('./pages/experiments/Experiments'));
const ExperimentDetail = lazy(() => import('./pages/experiments/ExperimentDetail'));
const Duplicates = lazy(() => import('./pages/duplicates/Duplicates'));

// WCAG AA asks 4.5:1 for text. antd's defaults fall short against white or their pale tints: the blue #1677ff (4.1),
// 45 %-black secondary text (3.4), success/warning/error text and danger buttons (1.9–3.3), green and orange tags
// (3.4–3.6); and its hover colours are lighter still. A shade darker each reads at 5–7:1, and hover goes darker.
const BLUE = '#0958d9', DARK_BLUE = '#003eb3', GREY = 'rgba(0, 0, 0, 0.6)', GREEN = '#237804', ORANGE = '#ad4e00', RED = '#cf1322';
const THEME: ThemeConfig = {
  token: {
    colorPrimary: BLUE, colorPrimaryHover: DARK_BLUE, colorInfo: BLUE, colorLink: BLUE, colorLinkHover: DARK_BLUE,
    colorTextSecondary: GREY, colorTextDescription: GREY, colorTextTertiary: GREY,
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
  if (!ready) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me) return <Navigate to="/signin" replace state={{ from: window.location.pathname + window.location.search }} />;
  return (
    <MetaProvider>
      <Shell>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
          <Routes>
            <Route path="/" element={<Dashboard />} />
            <Route path="/work" element={<MyWork />} />
            <Route path="/pool" element={<Pool />} />
            <Route path="/customers" element={<Customers />} />
            <Route path="/customers/:id" element={<Customer360 />} />
            <Route path="/model" element={<Guarded page="model"><TierModel /></Guarded>} />
            <Route path="/runs" element={<Runs />} />
            <Route path="/imports" element={<Guarded page="imports"><Imports /></Guarded>} />
            <Route path="/experiments" element={<Experiments />} />
            <Route path="/experiments/:id" element={<ExperimentDetail />} />
            <Route path="/duplicates" element={<Guarded page="duplicates"><Duplicates /></Guarded>} />
            <Route path="/admin" element={<Guarded page="admin"><Admin /></Guarded>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Shell>
    </MetaProvider>
  );
}

/** A page typed into the address bar by a role whose menu lacks it says so, instead of showing an editor it cannot use. */
function Guarded({ page, children }: { page: PageKey; children: ReactNode }) {
  const { me } = useSession();
  return pagesFor(me?.role).includes(page) ? <>{children}</> : <NoAccess />;
}
