import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { EmailChangeSection } from '../account/email';
import { renderWithApp } from '../test-utils';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { UnverifiedBanner } from './UnverifiedBanner';
import { VerifyEmailPage } from './VerifyEmailPage';
import { session } from './session';
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

const noContent = (status = 204) => new Response(null, { status });

type Route = (url: string, init?: RequestInit) => Response | undefined;

/** fetch answering from the routes given, 404 otherwise; records every call. */
function serve(route: Route) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => route(String(input), init) ?? problem(404, 'not-found'));
  vi.stubGlobal('fetch', mock);
  return mock;
}

const bodyOf = (mock: ReturnType<typeof serve>, url: string) =>
  JSON.parse(String(mock.mock.calls.find(([called]) => String(called) === url)?.[1]?.body));

async function signInAs(emailVerified: boolean) {
  serve((url) =>
    url === '/api/v1/auth/login'
      ? ok({ accessToken: 'a1', expiresIn: 900 })
      : ok({ id: 'm1', email: 'ann@example.com', displayName: 'Ann', kind: 'artist', roles: ['MEMBER'], emailVerified }),
  );
  await act(async () => {
    await session.logIn('ann@example.com', 'right-password-1');
  });
}

afterEach(async () => {
  tokens.signOut(false);
  await act(async () => {
    await session.logOut();
  });
});

describe('VerifyEmailPage', () => {
  it('sendsTheLinksTokenOnceAndSaysTheAddressIsVerified', async () => {
    const mock = serve((url) => (url === '/api/v1/auth/email-verification' ? noContent() : undefined));
    renderWithApp(<VerifyEmailPage />, { path: '/verify-email', at: '/verify-email?token=tok-1' });
    expect(await screen.findByText(/Your e-mail address is verified/)).toBeTruthy();
    expect(bodyOf(mock, '/api/v1/auth/email-verification')).toEqual({ token: 'tok-1' });
    expect(mock.mock.calls.filter(([url]) => String(url) === '/api/v1/auth/email-verification')).toHaveLength(1);
  });

  it('saysAUsedOrExpiredLinkDoesNotWork', async () => {
    serve((url) => (url === '/api/v1/auth/email-verification' ? problem(403, 'invalid-link') : undefined));
    renderWithApp(<VerifyEmailPage />, { path: '/verify-email', at: '/verify-email?token=tok-used' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/This link does not work/);
  });

  it('refusesAPageWithoutATokenWithoutAskingTheServer', async () => {
    const mock = serve(() => undefined);
    renderWithApp(<VerifyEmailPage />, { path: '/verify-email', at: '/verify-email' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/This link does not work/);
    expect(mock).not.toHaveBeenCalled();
  });
});

describe('ForgotPasswordPage', () => {
  it('asksForALinkAndSaysTheSameWhateverTheAddress', async () => {
    const mock = serve((url) => (url === '/api/v1/auth/password-reset' ? noContent(202) : undefined));
    renderWithApp(<ForgotPasswordPage />, { path: '/forgot-password', at: '/forgot-password' });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ' ann@example.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/If an account uses ann@example.com/);
    expect(bodyOf(mock, '/api/v1/auth/password-reset')).toEqual({ email: 'ann@example.com' });
  });
});

describe('ResetPasswordPage', () => {
  it('showsAWeakPasswordAtTheFieldAndThenSetsTheNewOne', async () => {
    let attempt = 0;
    const mock = serve((url) => {
      if (url !== '/api/v1/auth/password-reset/confirm') return undefined;
      attempt += 1;
      return attempt === 1 ? problem(400, 'validation-failed', [{ field: 'newPassword', detail: 'must be …' }]) : noContent();
    });
    renderWithApp(<ResetPasswordPage />, { path: '/reset-password', at: '/reset-password?token=tok-r' });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    await waitFor(() => expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/This password does not meet the rule/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'Second-verse-77' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Your password is changed/);
    expect(bodyOf(mock, '/api/v1/auth/password-reset/confirm')).toEqual({ token: 'tok-r', newPassword: 'password' });
  });

  it('offersANewLinkWhenTheLinkDoesNotWork', async () => {
    serve((url) => (url === '/api/v1/auth/password-reset/confirm' ? problem(403, 'invalid-link') : undefined));
    renderWithApp(<ResetPasswordPage />, { path: '/reset-password', at: '/reset-password?token=tok-old' });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'Second-verse-77' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/This link does not work/);
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
  });
});

describe('UnverifiedBanner', () => {
  it('tellsAnUnverifiedMemberWhatWaitsAndSendsTheLinkAgain', async () => {
    await signInAs(false);
    const mock = serve((url) => (url === '/api/v1/auth/email-verification/resend' ? noContent(202) : undefined));
    renderWithApp(<UnverifiedBanner />);
    expect(screen.getByTestId('unverified-banner').textContent).toMatch(/ann@example.com/);
    fireEvent.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect(await screen.findByText(/A new link is on its way/)).toBeTruthy();
    expect(mock.mock.calls.map(([url]) => String(url))).toContain('/api/v1/auth/email-verification/resend');
  });

  it('isAbsentForAVerifiedMemberAndForVisitors', async () => {
    renderWithApp(<UnverifiedBanner />);
    expect(screen.queryByTestId('unverified-banner')).toBeNull();
    await signInAs(true);
    renderWithApp(<UnverifiedBanner />);
    expect(screen.queryByTestId('unverified-banner')).toBeNull();
  });
});

describe('EmailChangeSection', () => {
  it('showsAWrongCurrentPasswordAtThePasswordField', async () => {
    await signInAs(true);
    serve((url) =>
      url === '/api/v1/auth/me/email'
        ? problem(403, 'current-password-wrong', [{ field: 'currentPassword', detail: 'is not your current password' }])
        : undefined,
    );
    renderWithApp(<EmailChangeSection />);
    fireEvent.change(screen.getByLabelText('New e-mail address'), { target: { value: 'new@example.com' } });
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'wrong-one-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change my address' }));
    await waitFor(() => expect(screen.getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This is not your current password.')).toBeTruthy();
  });

  it('saysWhereTheLinkWentAndSendsThePassword', async () => {
    await signInAs(true);
    const mock = serve((url) => (url === '/api/v1/auth/me/email' ? noContent(202) : undefined));
    renderWithApp(<EmailChangeSection />);
    expect(screen.getByText(/Your address: ann@example.com/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('New e-mail address'), { target: { value: 'new@example.com' } });
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'right-password-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change my address' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/We sent a link to new@example.com/);
    expect(bodyOf(mock, '/api/v1/auth/me/email')).toEqual({ newEmail: 'new@example.com', currentPassword: 'right-password-1' });
  });
});
