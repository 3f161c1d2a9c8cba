// Who is signed in. The token lives in sessionStorage (api/client); the user is fetched from /me on load.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, setUnauthorizedHandler, tokenStore } from '../api/client';
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

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      if (window.location.pathname !== '/signin') {
        navigate('/signin', { replace: true, state: { from: window.location.pathname + window.location.search } });
      }
    });
  }, [navigate]);

  useEffect(() => {
    if (!tokenStore.get()) { setReady(true); return; }
    api<Me>('/me').then(setMe).catch(() => setMe(null)).finally(() => setReady(true));
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
