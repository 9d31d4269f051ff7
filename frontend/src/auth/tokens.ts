/**
 * The access token, in this tab's memory only, and the one refresh that renews it.
 *
 * The refresh token is an HttpOnly cookie (path /api/v1/auth) that script never sees: sending
 * `X-Hitter-Session: cookie` asks auth-service to set and read it instead of putting it in the JSON.
 * Every refresh rotates that cookie, and an old one presented again ends the session (reuse detection).
 * So all tabs of one browser must refresh one at a time: a Web Lock serialises them, and the tab that
 * refreshed tells the others the new access token over a BroadcastChannel, so they need not rotate again.
 */

export const REFRESH_URL = '/api/v1/auth/refresh';
export const SESSION_HEADER = 'X-Hitter-Session';
export const LOCK_NAME = 'hitter-refresh';
export const CHANNEL_NAME = 'hitter-session';
/** How long the refreshing tab keeps the lock after broadcasting, so waiting tabs hear the news first. */
export const HANDOVER_MS = 100;

export interface AccessToken {
  value: string;
  /** Epoch milliseconds, by this tab's clock. */
  expiresAt: number;
}

/** What login and refresh answer (refreshToken is absent in the cookie form). */
export interface TokenAnswer {
  accessToken: string;
  tokenType?: string;
  expiresIn: number;
  refreshToken?: string;
  refreshExpiresIn?: number;
}

/**
 * Why a session stopped: the member logged out, or it ended under them (refresh refused, a second 401). Only a
 * logout forgets the member's unsaved work in the page; an ended session keeps it for the way back after signing in.
 */
export type SignOutReason = 'logout' | 'ended';

export type TokenEvent =
  | { type: 'token'; token: AccessToken; fromOtherTab: boolean }
  | { type: 'signedOut'; reason: SignOutReason; fromOtherTab: boolean };

type Message = { type: 'token'; token: AccessToken } | { type: 'signedOut'; reason?: SignOutReason };

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface TokenDeps {
  fetch: typeof fetch;
  locks?: LockManagerLike;
  channel?: ChannelLike;
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Waits a little (the lock hand-over); real time even where the timers above are driven by hand. */
  pause: (ms: number) => Promise<void>;
}

/** Renew this long before expiry: a quarter of the lifetime, at most 30 s (so 8 s test tokens renew at 6 s). */
export function renewalLead(lifetimeMs: number): number {
  return Math.min(30_000, Math.floor(lifetimeMs / 4));
}

export class SessionTokens {
  private token: AccessToken | undefined;
  private inFlight: Promise<AccessToken | undefined> | undefined;
  private timer: unknown;
  private readonly listeners = new Set<(event: TokenEvent) => void>();
  private readonly deps: TokenDeps;

  constructor(deps: TokenDeps) {
    this.deps = deps;
    deps.channel?.addEventListener('message', (event: MessageEvent) => this.onMessage(event.data as Message));
  }

  current(): AccessToken | undefined {
    return this.token;
  }

  /** The bearer value to send, or undefined when signed out. */
  bearer(): string | undefined {
    return this.token?.value;
  }

  subscribe(listener: (event: TokenEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes a login or refresh answer: keeps it, plans its renewal and tells the other tabs. */
  accept(answer: TokenAnswer): AccessToken {
    const token = { value: answer.accessToken, expiresAt: this.deps.now() + answer.expiresIn * 1000 };
    this.store(token, false);
    this.deps.channel?.postMessage({ type: 'token', token } satisfies Message);
    return token;
  }

  /**
   * Renews the access token; concurrent callers in this tab share one attempt and tabs take turns.
   * `stale` is the token the caller saw refused: if another tab has replaced it meanwhile, that one is used.
   * Resolves undefined when the session is over (refresh refused); rejects only when the network failed.
   */
  refresh(stale?: string): Promise<AccessToken | undefined> {
    if (!this.inFlight) {
      const seen = stale ?? this.token?.value;
      this.inFlight = new Promise<AccessToken | undefined>((resolve, reject) => {
        this.withLock(async () => {
          try {
            const outcome = await this.refreshHoldingLock(seen);
            resolve(outcome.token);
            // Keep the lock a moment after a rotation so the broadcast reaches the tabs waiting for it
            // before they get their turn: they then take the new token instead of rotating again.
            if (outcome.rotated) await this.deps.pause(HANDOVER_MS);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }).catch(reject);
      }).finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  /** Forgets the token here and, unless told otherwise, in every other tab. */
  signOut(broadcast = true, reason: SignOutReason = 'ended'): void {
    const had = this.token !== undefined;
    this.token = undefined;
    this.cancelTimer();
    if (broadcast) this.deps.channel?.postMessage({ type: 'signedOut', reason } satisfies Message);
    if (had || broadcast) this.emit({ type: 'signedOut', reason, fromOtherTab: false });
  }

  /** Pretends the access token has expired (browser tests force a refresh with it; dev/test builds only). */
  expireNow(): void {
    if (this.token) this.token = { ...this.token, expiresAt: this.deps.now() - 1 };
  }

  private async refreshHoldingLock(seen: string | undefined): Promise<{ token: AccessToken | undefined; rotated: boolean }> {
    // Another tab may have renewed while this one waited for the lock; its broadcast put the new token here.
    const mine = this.token;
    if (mine && mine.value !== seen && mine.expiresAt > this.deps.now()) return { token: mine, rotated: false };
    const response = await this.deps.fetch(REFRESH_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { [SESSION_HEADER]: 'cookie', Accept: 'application/json' },
    });
    if (!response.ok) {
      // 401 invalid-refresh-token (or no cookie at all): this browser's session is over, in every tab.
      if (response.status === 401 || response.status === 400 || response.status === 403) {
        this.signOut(this.token !== undefined);
        return { token: undefined, rotated: false };
      }
      throw new Error(`refresh answered ${response.status}`);
    }
    const answer = (await response.json()) as TokenAnswer;
    return { token: this.accept(answer), rotated: true };
  }

  private withLock<T>(work: () => Promise<T>): Promise<T> {
    // Without Web Locks (old browsers, jsdom) tabs may race; the server's short grace for a just-rotated
    // token covers that, and in-tab callers still share one attempt.
    return this.deps.locks ? this.deps.locks.request(LOCK_NAME, work) : work();
  }

  private store(token: AccessToken, fromOtherTab: boolean) {
    this.token = token;
    this.schedule(token);
    this.emit({ type: 'token', token, fromOtherTab });
  }

  private schedule(token: AccessToken) {
    this.cancelTimer();
    const now = this.deps.now();
    const lifetime = token.expiresAt - now;
    const delay = Math.max(0, lifetime - renewalLead(lifetime));
    this.timer = this.deps.setTimer(() => {
      this.timer = undefined;
      // A failed renewal is not fatal: the next request meets a 401 and tries again.
      this.refresh(token.value).catch(() => undefined);
    }, delay);
  }

  private cancelTimer() {
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = undefined;
  }

  private onMessage(message: Message) {
    if (message?.type === 'token' && typeof message.token?.value === 'string') {
      // The other tab counted expiry by its clock; tabs of one browser share it.
      this.store(message.token, true);
    } else if (message?.type === 'signedOut') {
      this.token = undefined;
      this.cancelTimer();
      this.emit({ type: 'signedOut', reason: message.reason === 'logout' ? 'logout' : 'ended', fromOtherTab: true });
    }
  }

  private emit(event: TokenEvent) {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function browserDeps(): TokenDeps {
  const hasNavigator = typeof navigator !== 'undefined';
  const locks = hasNavigator && 'locks' in navigator && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL_NAME) : undefined;
  return {
    fetch: (...args) => fetch(...args),
    locks,
    channel,
    now: () => Date.now(),
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** This tab's tokens. */
export const tokens = new SessionTokens(browserDeps());
