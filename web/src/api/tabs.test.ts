import { afterEach, describe, expect, it } from 'vitest';
import { TabSession, type TokenHolder } from './tabs';

function holder(token: string | null = null): TokenHolder & { value: string | null } {
  const h = {
    value: token,
    get: () => h.value,
    set: (t: string) => { h.value = t; },
    clear: () => { h.value = null; },
  };
  return h;
}

const open: TabSession[] = [];
function tab(store: TokenHolder, name: string): TabSession {
  const t = new TabSession(store, name);
  open.push(t);
  return t;
}

afterEach(() => { open.splice(0).forEach((t) => t.close()); });

describe('TabSession', () => {
  it('gives a new tab the token of a signed-in tab', async () => {
    tab(holder('sts_first'), 'c1');
    const fresh = tab(holder(), 'c1');
    expect(await fresh.ask(1000)).toBe('sts_first');
  });

  it('answers null when no open tab is signed in', async () => {
    tab(holder(), 'c2');
    const fresh = tab(holder(), 'c2');
    const started = Date.now();
    expect(await fresh.ask(100)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('does not hear tabs of another channel', async () => {
    tab(holder('sts_other'), 'c3');
    expect(await tab(holder(), 'c4').ask(100)).toBeNull();
  });

  it('signs the other tabs out, and only those holding a token', async () => {
    const a = holder('sts_shared');
    const b = holder('sts_shared');
    let told = 0;
    tab(a, 'c5').onSignedOut(() => { told++; });
    const idle = tab(holder(), 'c5');
    let idleTold = 0;
    idle.onSignedOut(() => { idleTold++; });
    const leaving = tab(b, 'c5');
    b.clear();
    leaving.signOut();
    await new Promise((r) => setTimeout(r, 100));
    expect(a.value).toBeNull();
    expect(told).toBe(1);
    expect(idleTold).toBe(0);
  });

  it('ignores messages that are not its own', async () => {
    const a = holder('sts_kept');
    tab(a, 'c6');
    const stranger = new BroadcastChannel('c6');
    stranger.postMessage({ type: 'token', token: 42 });
    stranger.postMessage('signed_out');
    stranger.postMessage(null);
    await new Promise((r) => setTimeout(r, 100));
    stranger.close();
    expect(a.value).toBe('sts_kept');
  });
});
