import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../../test-utils';
import { tokens } from '../../auth/tokens';
import { DeleteAccountSection } from './DeleteAccountSection';
import { GoodbyePage } from './GoodbyePage';
import { YourDataSection } from './YourDataSection';

function problem(status: number, type: string, errors: { field: string; detail: string }[] = []) {
  return new Response(JSON.stringify({ type: `https://hitter.dev/problems/${type}`, status, errors }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function ok(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function server(twoFactorOn: boolean, onDelete: (body: Record<string, string>) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v1/auth/me/two-factor') return ok({ enabled: twoFactorOn, recoveryCodesLeft: twoFactorOn ? 9 : 0 });
    if (url === '/api/v1/auth/me' && init?.method === 'DELETE') return onDelete(JSON.parse(String(init.body)));
    return problem(404, 'not-found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

afterEach(() => {
  tokens.signOut(false);
  vi.unstubAllGlobals();
});

const goodbye = [{ path: '/goodbye', element: <GoodbyePage /> }];

describe('deleting the account', () => {
  it('says_what_goes_and_what_stays_and_needs_the_confirmation', async () => {
    server(false, () => new Response(null, { status: 204 }));
    renderWithApp(<DeleteAccountSection />, { path: '/account', at: '/account', routes: goodbye });
    expect(screen.getByText(/published audio and lyrics/)).toBeTruthy();
    expect(screen.getByText(/shown as written by a deleted member/)).toBeTruthy();
    type('Current password', 'tempo-128-bpm!');
    const submit = screen.getByRole('button', { name: 'Delete my account' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByLabelText(/deleted for good/));
    expect(submit).toHaveProperty('disabled', false);
  });

  it('sends_the_password_and_the_code_and_lands_signed_out_on_the_goodbye_page', async () => {
    const bodies: Record<string, string>[] = [];
    server(true, (body) => {
      bodies.push(body);
      return new Response(null, { status: 204 });
    });
    const signOut = vi.spyOn(tokens, 'signOut');
    renderWithApp(<DeleteAccountSection />, { path: '/account', at: '/account', routes: goodbye });
    type('Current password', 'tempo-128-bpm!');
    fireEvent.change(await screen.findByLabelText('Two-factor code'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByLabelText(/deleted for good/));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('heading', { name: 'Your account is deleted' })).toBeTruthy();
    expect(bodies).toEqual([{ currentPassword: 'tempo-128-bpm!', code: '123 456' }]);
    // The goodbye page signs out in an effect after it has rendered: on a busy machine, a moment later.
    await waitFor(() => expect(signOut).toHaveBeenCalled());
  });

  it('shows_a_wrong_password_and_a_wrong_code_at_their_fields_and_stays', async () => {
    let answer = problem(403, 'current-password-wrong', [{ field: 'currentPassword', detail: 'is wrong' }]);
    server(true, () => answer);
    renderWithApp(<DeleteAccountSection />, { path: '/account', at: '/account', routes: goodbye });
    type('Current password', 'nope-nope-nope');
    fireEvent.change(await screen.findByLabelText('Two-factor code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByLabelText(/deleted for good/));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('That is not your current password.')).toBeTruthy();
    answer = problem(403, 'second-factor-wrong', [{ field: 'code', detail: 'is wrong or was used already' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('That code is wrong or was used already.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your account is deleted' })).toBeNull();
  });

  it('speaks_korean', async () => {
    server(false, () => new Response(null, { status: 204 }));
    renderWithApp(<DeleteAccountSection />, { path: '/account', at: '/account', routes: goodbye, locale: 'ko' });
    expect(screen.getByRole('heading', { name: '계정 삭제' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '계정 삭제' })).toHaveProperty('disabled', true);
  });
});

describe('downloading my data', () => {
  it('fetches_the_archive_with_the_token_and_hands_it_to_the_browser', async () => {
    const fetchMock = vi.fn(async () => new Response(new Blob(['PK']), { status: 200, headers: { 'Content-Type': 'application/zip' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:archive');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithApp(<YourDataSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Your archive is downloading.')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]?.[0 as never])).toBe('/api/v1/auth/me/export');
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('says_plainly_when_a_service_is_down', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(503, 'dependency-unavailable')));
    renderWithApp(<YourDataSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download my data' })).toHaveProperty('disabled', false));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not answering/);
  });
});
