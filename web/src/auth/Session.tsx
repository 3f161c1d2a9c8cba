// Who is signed in. The token lives in sessionStorage (api/client), handed to new tabs by the open ones (api/tabs);
// the user is fetched from /me on load.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, setUnauthorizedHandler, tokenStore } from '../api/client';
import { TabSession } from '../api/tabs';
import type { Me } from '../api/types';
import { can, type Action } from './roles';

interface Session {
  me: Me | null;
  ready: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  can: (action: Action) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = useRef<TabSession | null>(null);
  const toSignIn = useRef<() => void>(() => {});

  useEffect(() => {
    toSignIn.current = () => {
      setMe(null);
      if (window.location.pathname !== '/signin') {
        navigate('/signin', { replace: true, state: { from: window.location.pathname + window.location.search } });
      }
    };
    setUnauthorizedHandler(() => toSignIn.current());
  }, [navigate]);

  useEffect(() => {
    const session = new TabSession(tokenStore);
    session.onSignedOut(() => toSignIn.current());
    tabs.current = session;
    let live = true;
    (async () => {
      const token = tokenStore.get() ?? await session.ask();
      if (!live) return;
      if (!token) { setReady(true); return; }
      tokenStore.set(token);
      try { setMe(await api<Me>('/me')); } catch { setMe(null); }
      if (live) setReady(true);
    })();
    return () => { live = false; session.close(); tabs.current = null; };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await api<{ token: string; user: Me }>('/auth/login', { json: { username, password } });
    tokenStore.set(answer.token);
    setMe(answer.user);
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from !== '/signin' ? from : '/', { replace: true });
  }, [location.state, navigate]);

  const signOut = useCallback(async () => {
    try { await api('/auth/logout', { method: 'POST' }); } catch { /* the token is dropped either way */ }
    tokenStore.clear();
    tabs.current?.signOut();
    setMe(null);
    navigate('/signin', { replace: true });
  }, [navigate]);

  const value: Session = { me, ready, signIn, signOut, can: (action) => can(me?.role, action) };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
