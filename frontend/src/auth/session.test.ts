import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_HINT_KEY, SessionStore } from './session';
import { tokens } from './tokens';

const member = { id: 'm1', email: 'ann@example.com', displayName: 'Ann', kind: 'producer', roles: ['MEMBER'] };

function ok(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  tokens.signOut(false);
  localStorage.clear();
});

describe('SessionStore', () => {
  it('resumesTheSessionFromTheRefreshCookieOnStart', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) =>
      String(input) === '/api/v1/auth/refresh' ? ok({ accessToken: 'a1', expiresIn: 900 }) : ok(member),
    );
    vi.stubGlobal('fetch', fetchMock);
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const store = new SessionStore(tokens);
    expect(store.getState().status).toBe('unknown');
    await store.start();
    expect(store.getState()).toEqual({ status: 'signedIn', member });
    expect(new Headers(fetchMock.mock.calls[1]?.[1]?.headers).get('Authorization')).toBe('Bearer a1');
  });

  it('doesNotAskTheServerForAVisitorWhoNeverSignedIn', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const store = new SessionStore(tokens);
    await store.start();
    expect(store.getState().status).toBe('signedOut');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('remembersABrowserThatSignedInUntilItLogsOut', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === '/api/v1/auth/logout') return new Response(null, { status: 204 });
      return String(input) === '/api/v1/auth/login' ? ok({ accessToken: 'a1', expiresIn: 900 }) : ok(member);
    }));
    const store = new SessionStore(tokens);
    await store.logIn('ann@example.com', 'pw');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('1');
    await store.logOut();
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('isSignedOutWhenThereIsNoCookie', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"type":"https://hitter.dev/problems/invalid-refresh-token"}', { status: 401 })));
    const store = new SessionStore(tokens);
    await store.start();
    expect(store.getState().status).toBe('signedOut');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('isSignedOutWhenTheServerCannotBeReached', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const store = new SessionStore(tokens);
    await store.start();
    expect(store.getState().status).toBe('signedOut');
  });

  it('logsOutOnTheServerWithTheTokenAndTheCookieHeader', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/v1/auth/login') return ok({ accessToken: 'a1', expiresIn: 900 });
      if (url === '/api/v1/auth/logout') return new Response(null, { status: 204 });
      return ok(member);
    });
    vi.stubGlobal('fetch', fetchMock);
    const store = new SessionStore(tokens);
    await store.logIn('ann@example.com', 'pw');
    expect(store.getState().status).toBe('signedIn');
    await store.logOut();
    const logout = fetchMock.mock.calls.find(([url]) => String(url) === '/api/v1/auth/logout');
    const headers = new Headers(logout?.[1]?.headers);
    expect(headers.get('Authorization')).toBe('Bearer a1');
    expect(headers.get('X-Hitter-Session')).toBe('cookie');
    expect(logout?.[1]?.method).toBe('POST');
    expect(store.getState().status).toBe('signedOut');
    expect(tokens.current()).toBeUndefined();
  });

  it('signsOutLocallyEvenWhenTheLogoutCallFails', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      if (String(input) === '/api/v1/auth/logout') throw new TypeError('Failed to fetch');
      return String(input) === '/api/v1/auth/login' ? ok({ accessToken: 'a1', expiresIn: 900 }) : ok(member);
    }));
    const store = new SessionStore(tokens);
    await store.logIn('ann@example.com', 'pw');
    await store.logOut();
    expect(store.getState().status).toBe('signedOut');
  });

  it('followsALogoutInAnotherTab', async () => {
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => (String(input) === '/api/v1/auth/login' ? ok({ accessToken: 'a1', expiresIn: 900 }) : ok(member))));
    const store = new SessionStore(tokens);
    await store.logIn('ann@example.com', 'pw');
    // What the BroadcastChannel delivers when another tab logs out.
    const other = new BroadcastChannel('hitter-session');
    const changed = new Promise<void>((resolve) => store.subscribe(resolve));
    other.postMessage({ type: 'signedOut' });
    await changed;
    other.close();
    expect(store.getState().status).toBe('signedOut');
    expect(tokens.current()).toBeUndefined();
  });
});
