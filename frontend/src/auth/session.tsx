import { useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '../api/client';
import { SESSION_HEADER, tokens, type SessionTokens, type TokenAnswer } from './tokens';

export type MemberKind = 'artist' | 'producer' | 'label' | 'other';

export interface Member {
  id: string;
  email: string;
  displayName: string;
  kind: MemberKind | string;
  roles: string[];
  /** Whether the member opened the link mailed to their address; publishing, posting and commenting need it. */
  emailVerified?: boolean;
}

/** What sign-up answers, whether or not the address was free: check your mail. */
export interface SignUpAccepted {
  email: string;
  next: 'check-your-mail' | string;
}

/**
 * A flag (no secret) saying this browser signed in and has not logged out: a visitor without it is not sent to
 * the refresh endpoint on every page load only to be told 401.
 */
export const SESSION_HINT_KEY = 'hitter.session';

function hint(present: boolean | undefined): boolean {
  try {
    if (present === true) localStorage.setItem(SESSION_HINT_KEY, '1');
    else if (present === false) localStorage.removeItem(SESSION_HINT_KEY);
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    // Without storage, always ask the server.
    return true;
  }
}

export type SessionStatus = 'unknown' | 'signedOut' | 'signedIn';

export interface SessionState {
  status: SessionStatus;
  member?: Member;
}

export interface SignUpForm {
  email: string;
  password: string;
  displayName: string;
  kind: MemberKind;
}

/**
 * The password was right, and the member has two-factor sign-in on: no tokens yet. The login page asks for a code
 * and sends it with this challenge to `completeTwoFactor` (docs/accounts.md, "Two-factor").
 */
export class TwoFactorNeeded extends Error {
  readonly challenge: string;

  constructor(challenge: string) {
    super('two-factor code needed');
    this.name = 'TwoFactorNeeded';
    this.challenge = challenge;
  }
}

/** The second step of a sign-in: the app's code, or one recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Who is signed in, kept outside React so the API client, other tabs and components see one truth.
 * `start()` tries a refresh from the HttpOnly cookie, so a reload keeps the member signed in.
 */
export class SessionStore {
  private state: SessionState = { status: 'unknown' };
  private readonly listeners = new Set<() => void>();
  private started = false;
  private readonly tokens: SessionTokens;

  constructor(sessionTokens: SessionTokens) {
    this.tokens = sessionTokens;
    sessionTokens.subscribe((event) => {
      hint(event.type === 'token');
      if (event.type === 'signedOut') this.set({ status: 'signedOut' });
      // Another tab signed in (or this one renewed while nobody was known): learn who it is.
      else if (this.state.status !== 'signedIn' && event.fromOtherTab) void this.loadMember();
    });
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Once per page: resume the session the cookie holds, if any. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    if (!hint(undefined)) {
      this.set({ status: 'signedOut' });
      return Promise.resolve();
    }
    return this.tokens
      .refresh()
      .then(async (token) => {
        if (token) await this.loadMember();
        else {
          hint(false);
          this.set({ status: 'signedOut' });
        }
      })
      .catch(() => this.set({ status: 'signedOut' }));
  }

  /** Throws {@link TwoFactorNeeded} when a code must follow (then call {@link completeTwoFactor}). */
  logIn = async (email: string, password: string): Promise<Member> => {
    const answer = await api<TokenAnswer | { twoFactorRequired: true; challenge: string }>('/api/v1/auth/login', {
      method: 'POST',
      headers: { [SESSION_HEADER]: 'cookie' },
      json: { email, password },
    });
    if ('twoFactorRequired' in answer && answer.twoFactorRequired) throw new TwoFactorNeeded(answer.challenge);
    return this.signedIn(answer as TokenAnswer);
  };

  /** The two-factor step of a sign-in, with the challenge the password step gave. */
  completeTwoFactor = async (challenge: string, factor: SecondFactor): Promise<Member> => {
    const answer = await api<TokenAnswer>('/api/v1/auth/login/two-factor', {
      method: 'POST',
      headers: { [SESSION_HEADER]: 'cookie' },
      json: { challenge, ...factor },
    });
    return this.signedIn(answer);
  };

  /** After the member changed their profile: who they are now (the header shows the display name). */
  reloadMember = async (): Promise<void> => {
    if (this.state.status === 'signedIn') await this.loadMember();
  };

  private signedIn = async (answer: TokenAnswer): Promise<Member> => {
    this.tokens.accept(answer);
    const member = await this.loadMember();
    if (!member) throw new Error('signed in, but the profile could not be read');
    return member;
  };

  /**
   * Asks to become a member. Not signed in afterwards: the answer is the same whether or not the address was free
   * (so that nobody learns who is registered), and signing in straight away would tell.
   */
  signUp = async (form: SignUpForm): Promise<SignUpAccepted> =>
    api<SignUpAccepted>('/api/v1/auth/signup', { method: 'POST', json: form });

  /**
   * After the account changed on the server (address verified or changed): a new access token, which carries the
   * new claims, and the profile again. Nothing when nobody is signed in.
   */
  reload = async (): Promise<void> => {
    if (this.state.status !== 'signedIn') return;
    const token = await this.tokens.refresh(this.tokens.bearer());
    if (token) await this.loadMember();
  };

  /** Ends the session on the server (clearing the cookie) and in every tab, even when the server is unreachable. */
  logOut = async (): Promise<void> => {
    try {
      if (this.tokens.bearer()) {
        await api<void>('/api/v1/auth/logout', { method: 'POST', headers: { [SESSION_HEADER]: 'cookie' } });
      }
    } catch {
      // The cookie's session lapses on its own; the person asked to leave, so leave.
    } finally {
      this.tokens.signOut(true, 'logout');
      this.set({ status: 'signedOut' });
    }
  };

  private async loadMember(): Promise<Member | undefined> {
    try {
      const member = await api<Member>('/api/v1/users/me');
      this.set({ status: 'signedIn', member });
      return member;
    } catch {
      if (!this.tokens.bearer()) this.set({ status: 'signedOut' });
      return undefined;
    }
  }

  private set(next: SessionState) {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

export const session = new SessionStore(tokens);

export interface Session extends SessionState {
  logIn: (email: string, password: string) => Promise<Member>;
  completeTwoFactor: (challenge: string, factor: SecondFactor) => Promise<Member>;
  signUp: (form: SignUpForm) => Promise<SignUpAccepted>;
  logOut: () => Promise<void>;
  reload: () => Promise<void>;
}

export function useSession(): Session {
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  return {
    ...state,
    logIn: session.logIn,
    completeTwoFactor: session.completeTwoFactor,
    signUp: session.signUp,
    logOut: session.logOut,
    reload: session.reload,
  };
}

/**
 * A path inside this app to return to after signing in, or '/' — never another site: `//evil.example`,
 * `https:…`, `javascript:…` and back-slash tricks are refused (no open redirect).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers treat "\" like "/" and drop tabs/newlines in URLs: refuse both outright.
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  try {
    const resolved = new URL(next, 'https://hitter.invalid');
    if (resolved.origin !== 'https://hitter.invalid') return '/';
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return '/';
  }
}

/** Member-only pages: a visitor is sent to /login?next=<this page>, and comes back after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <SessionPending />;
  if (status === 'signedOut') {
    const next = location.pathname + location.search + location.hash;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function SessionPending() {
  return <div aria-busy="true" className="session-pending" />;
}
