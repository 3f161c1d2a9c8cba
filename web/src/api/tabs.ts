// A new tab (a customer opened with ctrl-click, a link pasted into another tab) asks the open tabs for the sign-in
// token instead of asking the user again. The token stays in each tab's sessionStorage, so it still dies with the last
// tab; BroadcastChannel reaches only this origin's tabs in this browser profile.

export interface TokenHolder {
  get: () => string | null;
  set: (token: string) => void;
  clear: () => void;
}

type Message = { type: 'who' } | { type: 'token'; token: string } | { type: 'signed_out' };

const CHANNEL = 'strata.session';

export class TabSession {
  private readonly channel: BroadcastChannel | null;
  private signedOut: () => void = () => {};

  constructor(private readonly store: TokenHolder, name = CHANNEL) {
    // Browsers without BroadcastChannel (none of the supported ones) just sign in per tab, as before.
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => this.answer(event.data));
  }

  /** Called when another tab signed out: that token is revoked on the server, so this tab is signed out too. */
  onSignedOut(handler: () => void): void {
    this.signedOut = handler;
  }

  /** The token of another open tab, or null when none answers within {@code waitMs}. */
  ask(waitMs = 200): Promise<string | null> {
    const channel = this.channel;
    if (!channel) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (token: string | null) => {
        clearTimeout(timer);
        channel.removeEventListener('message', listener);
        resolve(token);
      };
      const listener = (event: MessageEvent<Message>) => {
        if (event.data?.type === 'token' && typeof event.data.token === 'string') done(event.data.token);
      };
      const timer = setTimeout(() => done(null), waitMs);
      channel.addEventListener('message', listener);
      channel.postMessage({ type: 'who' } satisfies Message);
    });
  }

  /** Tells the other tabs that the shared token was signed out. */
  signOut(): void {
    this.channel?.postMessage({ type: 'signed_out' } satisfies Message);
  }

  close(): void {
    this.channel?.close();
  }

  private answer(message: Message): void {
    if (message?.type === 'who') {
      const token = this.store.get();
      if (token) this.channel?.postMessage({ type: 'token', token } satisfies Message);
    } else if (message?.type === 'signed_out' && this.store.get()) {
      this.store.clear();
      this.signedOut();
    }
  }
}
