import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { LoginPage } from './LoginPage';
import { SignupPage } from './SignupPage';
import { tokens } from './tokens';

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

afterEach(() => tokens.signOut(false));

describe('LoginPage', () => {
  it('showsAWrongPasswordNextToThePasswordAndKeepsWhatWasTyped', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(401, 'invalid-credentials')));
    renderWithApp(<LoginPage />, { path: '/login', at: '/login' });
    type('Email', 'ann@example.com');
    type('Password', 'not-my-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const password = screen.getByLabelText('Password') as HTMLInputElement;
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = password.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy.split(' ')[0] ?? '')?.textContent).toBe('The email or the password is wrong.');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ann@example.com');
    expect(password.value).toBe('not-my-password-1');
  });

  it('asksForTheCookieFormAndGoesToTheNextPageAfterSigningIn', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/v1/auth/login') return ok({ accessToken: 'a1', tokenType: 'Bearer', expiresIn: 900 });
      if (url === '/api/v1/users/me') return ok({ id: 'm1', email: 'ann@example.com', displayName: 'Ann', kind: 'producer', roles: ['MEMBER'] });
      return problem(404, 'not-found');
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithApp(<LoginPage />, { path: '/login', at: '/login?next=%2Fanalyses%2F7', routes: [{ path: '/analyses/:id', element: <p>the deep link</p> }] });
    type('Email', 'ann@example.com');
    type('Password', 'right-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('the deep link')).toBeTruthy();
    const login = fetchMock.mock.calls.find(([url]) => String(url) === '/api/v1/auth/login');
    expect(new Headers(login?.[1]?.headers).get('X-Hitter-Session')).toBe('cookie');
    expect(JSON.parse(String(login?.[1]?.body))).toEqual({ email: 'ann@example.com', password: 'right-password-1' });
    expect(tokens.bearer()).toBe('a1');
  });

  it('refusesToFollowANextThatLeavesTheApp', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input) === '/api/v1/auth/login'
          ? ok({ accessToken: 'a1', expiresIn: 900 })
          : ok({ id: 'm1', email: 'a@b.cd', displayName: 'Ann', kind: 'other', roles: [] }),
      ),
    );
    renderWithApp(<LoginPage />, { path: '/login', at: '/login?next=%2F%2Fevil.example', routes: [{ path: '/', element: <p>home</p> }] });
    type('Email', 'a@b.cd');
    type('Password', 'right-password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('home')).toBeTruthy();
  });
});

describe('SignupPage', () => {
  function fill() {
    type('Email', 'ann@example.com');
    type('Password', 'password');
    type('Display name', 'Ann');
    fireEvent.change(screen.getByLabelText('I am'), { target: { value: 'artist' } });
  }

  it('explainsThePasswordRuleBeforeAnythingIsSent', () => {
    renderWithApp(<SignupPage />, { path: '/signup', at: '/signup' });
    const password = screen.getByLabelText('Password');
    const hint = document.getElementById((password.getAttribute('aria-describedby') ?? '').split(' ').pop() ?? '');
    expect(hint?.textContent).toMatch(/10 to 128 characters/);
  });

  it('showsAWeakPasswordAtThePasswordAndKeepsEveryField', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(400, 'validation-failed', [{ field: 'password', detail: 'must be 10–128 characters …' }])));
    renderWithApp(<SignupPage />, { path: '/signup', at: '/signup' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/This password does not meet the rule/)).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ann@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('password');
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Ann');
    expect((screen.getByLabelText('I am') as HTMLSelectElement).value).toBe('artist');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('showsATakenEmailAtTheEmail', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(409, 'email-taken', [{ field: 'email', detail: 'is already registered' }])));
    renderWithApp(<SignupPage />, { path: '/signup', at: '/signup' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    expect(await screen.findByText('This email is already registered.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('asksToCheckTheMailAfterSigningUpWithoutSigningIn', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      ok({ email: 'ann@example.com', next: 'check-your-mail' }, 202),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithApp(<SignupPage />, { path: '/signup', at: '/signup' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    expect(await screen.findByRole('heading', { name: 'Check your mail' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('ann@example.com');
    // Signing in straight away would tell whether the address was free (a taken one would refuse the password).
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/auth/signup']);
    expect(tokens.bearer()).toBeUndefined();
    const signup = JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body));
    expect(signup).toEqual({ email: 'ann@example.com', password: 'password', displayName: 'Ann', kind: 'artist' });
  });
});
