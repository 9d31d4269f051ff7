import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { LoginPage } from '../auth/LoginPage';
import { tokens } from '../auth/tokens';
import { AccountPage } from './AccountPage';

function problem(status: number, type: string, errors: { field: string; detail: string }[] = []) {
  return new Response(JSON.stringify({ type: `https://hitter.dev/problems/${type}`, status, errors }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function ok(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

type Handler = (url: string, init: RequestInit | undefined) => Response | undefined;

/** A fetch that answers the account page's reads with a member's data unless `handler` answers first. */
function server(handler: Handler = () => undefined) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const answer = handler(url, init);
    if (answer) return answer;
    if (url === '/api/v1/auth/me/profile' && method === 'GET')
      return ok({ email: 'ann@example.com', displayName: 'Ann', kind: 'producer', affiliation: null, bio: null, memberSince: '2026-12-01T10:00:00Z' });
    if (url === '/api/v1/auth/sessions' && method === 'GET')
      return ok([
        { id: 's-here', device: { browser: 'Chrome', os: 'Linux' }, createdAt: '2026-12-07T10:00:00Z', lastUsedAt: '2026-12-07T11:00:00Z', current: true },
        { id: 's-phone', device: { browser: 'Safari', os: 'iOS' }, createdAt: '2026-12-06T10:00:00Z', lastUsedAt: '2026-12-06T12:00:00Z', current: false },
      ]);
    if (url === '/api/v1/auth/me/two-factor') return ok({ enabled: false, recoveryCodesLeft: 0 });
    return problem(404, 'not-found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function calls(fetchMock: ReturnType<typeof server>, url: string, method: string) {
  return fetchMock.mock.calls.filter(([called, init]) => String(called) === url && (init?.method ?? 'GET') === method);
}

afterEach(() => tokens.signOut(false));

describe('signing in with two-factor on', () => {
  it('asks_for_the_apps_code_after_the_password_and_then_signs_in', async () => {
    const fetchMock = server((url) => {
      if (url === '/api/v1/auth/login') return ok({ twoFactorRequired: true, challenge: 'ch-1', expiresIn: 300 });
      if (url === '/api/v1/auth/login/two-factor') return ok({ accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900 });
      if (url === '/api/v1/users/me') return ok({ id: 'm1', email: 'ann@example.com', displayName: 'Ann', kind: 'producer', roles: ['MEMBER'] });
      return undefined;
    });
    renderWithApp(<LoginPage />, { path: '/login', at: '/login', routes: [{ path: '/', element: <p>home</p> }] });
    type('Email', 'ann@example.com');
    type('Password', 'right-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Two-factor sign-in' })).toBeTruthy();
    expect(tokens.bearer()).toBeUndefined();
    type('Code', '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('home')).toBeTruthy();
    const [, init] = calls(fetchMock, '/api/v1/auth/login/two-factor', 'POST')[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ challenge: 'ch-1', code: '123 456' });
    expect(new Headers(init?.headers).get('X-Hitter-Session')).toBe('cookie');
    expect(tokens.bearer()).toBe('a1');
  });

  it('says_a_wrong_code_at_the_field_and_takes_a_recovery_code_instead', async () => {
    let tries = 0;
    const fetchMock = server((url) => {
      if (url === '/api/v1/auth/login') return ok({ twoFactorRequired: true, challenge: 'ch-2', expiresIn: 300 });
      if (url === '/api/v1/auth/login/two-factor') {
        tries += 1;
        return tries === 1 ? problem(401, 'invalid-two-factor-code') : ok({ accessToken: 'a2', expiresIn: 900 });
      }
      if (url === '/api/v1/users/me') return ok({ id: 'm1', email: 'a@b.cd', displayName: 'Ann', kind: 'other', roles: [] });
      return undefined;
    });
    renderWithApp(<LoginPage />, { path: '/login', at: '/login', routes: [{ path: '/', element: <p>home</p> }] });
    type('Email', 'a@b.cd');
    type('Password', 'right-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    type(await screen.findByLabelText('Code').then(() => 'Code'), '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true'));

    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    type('Recovery code', 'ABCDE-FGHJK');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('home')).toBeTruthy();
    const last = calls(fetchMock, '/api/v1/auth/login/two-factor', 'POST').at(-1);
    expect(JSON.parse(String(last?.[1]?.body))).toEqual({ challenge: 'ch-2', recoveryCode: 'ABCDE-FGHJK' });
  });

  it('goes_back_to_the_password_when_the_challenge_has_expired', async () => {
    server((url) => {
      if (url === '/api/v1/auth/login') return ok({ twoFactorRequired: true, challenge: 'ch-3', expiresIn: 300 });
      if (url === '/api/v1/auth/login/two-factor') return problem(401, 'invalid-two-factor-challenge');
      return undefined;
    });
    renderWithApp(<LoginPage />, { path: '/login', at: '/login' });
    type('Email', 'a@b.cd');
    type('Password', 'right-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    type(await screen.findByLabelText('Code').then(() => 'Code'), '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/took too long/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeTruthy();
  });
});

describe('AccountPage', () => {
  it('edits_the_profile_and_shows_a_refused_field_next_to_it', async () => {
    let patches = 0;
    const fetchMock = server((url, init) => {
      if (url === '/api/v1/auth/me/profile' && init?.method === 'PATCH') {
        patches += 1;
        if (patches === 1) return problem(400, 'validation-failed', [{ field: 'affiliation', detail: 'must be at most 100 characters' }]);
        return ok({ ...JSON.parse(String(init.body)), email: 'ann@example.com', memberSince: '2026-12-01T10:00:00Z' });
      }
      return undefined;
    });
    renderWithApp(<AccountPage />, { path: '/account', at: '/account' });
    await screen.findByDisplayValue('Ann');
    type('Display name', 'Ann Lee');
    type('Affiliation', 'Seoul Sound');
    type('Short bio', 'City pop.');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByLabelText('Affiliation').getAttribute('aria-invalid')).toBe('true'));

    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Your profile is saved.')).toBeTruthy();
    const sent = calls(fetchMock, '/api/v1/auth/me/profile', 'PATCH').at(-1);
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({ displayName: 'Ann Lee', kind: 'producer', affiliation: 'Seoul Sound', bio: 'City pop.' });
  });

  it('lists_the_devices_and_signs_out_another_one_but_never_this_one', async () => {
    const fetchMock = server((url, init) => (url === '/api/v1/auth/sessions/s-phone' && init?.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined));
    renderWithApp(<AccountPage />, { path: '/account', at: '/account' });
    const items = await screen.findAllByTestId('session');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Chrome on Linux')).toBeTruthy();
    expect(within(items[0]!).getByText('(this browser)')).toBeTruthy();
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Sign out Safari on iOS' }));
    await waitFor(() => expect(calls(fetchMock, '/api/v1/auth/sessions/s-phone', 'DELETE')).toHaveLength(1));
  });

  it('sets_two_factor_up_with_a_qr_code_and_shows_the_recovery_codes_once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `AAAA${i}-BBBBB`);
    server((url, init) => {
      if (url === '/api/v1/auth/me/two-factor/setup') return ok({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/HITTER:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=HITTER' });
      if (url === '/api/v1/auth/me/two-factor/enable') {
        expect(JSON.parse(String(init?.body))).toEqual({ code: '123456' });
        return ok({ recoveryCodes: codes });
      }
      return undefined;
    });
    renderWithApp(<AccountPage />, { path: '/account', at: '/account' });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);
    expect(screen.getByTestId('two-factor-secret').textContent).toBe('JBSWY3DPEHPK3PXP');
    type('The 6-digit code the app shows', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByTestId('recovery-codes');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes);
    fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    await waitFor(() => expect(screen.queryByTestId('recovery-codes')).toBeNull());
  });

  it('says_when_the_current_password_is_wrong', async () => {
    server((url) => (url === '/api/v1/auth/me/password' ? problem(403, 'current-password-wrong', [{ field: 'currentPassword', detail: 'is wrong' }]) : undefined));
    renderWithApp(<AccountPage />, { path: '/account', at: '/account' });
    const section = within(await screen.findByRole('region', { name: 'Password' }));
    fireEvent.change(section.getByLabelText('Current password'), { target: { value: 'not-it-123' } });
    fireEvent.change(section.getByLabelText('New password'), { target: { value: 'a-new-password-9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('This is not your current password.')).toBeTruthy();
  });

  it('links_to_my_analyses_and_my_posts_in_korean_too', async () => {
    server();
    renderWithApp(<AccountPage />, { path: '/account', at: '/account', locale: 'ko' });
    expect(screen.getByRole('heading', { level: 1, name: '내 계정' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '내 분석' }).getAttribute('href')).toBe('/analyses');
    expect(screen.getByRole('link', { name: '내 글' }).getAttribute('href')).toBe('/community/mine');
    await screen.findAllByTestId('session');
  });
});
