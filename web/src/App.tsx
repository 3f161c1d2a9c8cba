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

// antd's default blue (#1677ff), grey secondary text (45 % black) and green/gold/red text fall short of WCAG AA's 4.5:1
// against white (hover went lighter still; here darker), and its tags write green, orange and gold on paler tints (2–4:1): a shade darker each reads at 5–6:1.
const THEME: ThemeConfig = {
  token: { colorPrimary: '#0958d9', colorPrimaryHover: '#003eb3', colorInfo: '#0958d9', colorLink: '#0958d9', colorLinkHover: '#003eb3', colorTextSecondary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorSuccessText: '#237804', colorWarningText: '#ad4e00', colorErrorText: '#cf1322', colorError: '#cf1322', colorErrorHover: '#a8071a' },
  components: { Tag: { colorSuccess: '#237804', colorWarning: '#ad4e00', green7: '#237804', orange7: '#ad4e00' } },
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
