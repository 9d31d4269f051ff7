import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json, problem } from '../analysis/testData';
import { noContent, stubRoutes, type Route } from '../community/testData';
import { PartnerPage } from './PartnerPage';
import type { PartnerAccess, PartnerClient } from './api';

configure({ asyncUtilTimeout: 4000 });

const ACCESS = /^\/api\/v1\/auth\/partner-access$/;
const CLIENTS = /^\/api\/v1\/auth\/partner-clients$/;
const USAGE = /^\/api\/v1\/predictions\/client-usage\?days=30$/;

const approved: PartnerAccess = {
  status: 'APPROVED', organisation: 'Moonlight Records', website: 'https://moonlight.example', purpose: 'Catalogue scoring',
  requestedAt: '2026-12-01T10:00:00Z', decidedAt: '2026-12-02T10:00:00Z', decisionNote: 'Welcome aboard',
};
const importer: PartnerClient = {
  clientId: 'hc_aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Importer', scopes: ['predictions:read', 'jobs:write'],
  createdAt: '2026-12-03T10:00:00Z', secretRotatedAt: null, lastTokenAt: '2026-12-06T09:00:00Z', revokedAt: null,
};
const noUsage = () => json({ from: '2026-11-08', to: '2026-12-07', clients: [] });

function renderPartner(routes: Route[], locale: 'en' | 'ko' = 'en') {
  const api = stubRoutes(routes);
  renderWithApp(<PartnerPage />, { path: '/partner', at: '/partner', locale });
  return api;
}

describe('the partner page', () => {
  it('asks_for_partner_access_after_checking_the_form_and_then_shows_it_pending', async () => {
    let access: PartnerAccess = { status: 'NONE' };
    const api = renderPartner([
      ['GET', ACCESS, () => json(access)],
      ['POST', ACCESS, (_url, body) => {
        access = { ...(body as object), status: 'PENDING', requestedAt: '2026-12-07T10:00:00Z' } as PartnerAccess;
        return json(access, 201);
      }],
    ]);
    expect(await screen.findByTestId('partner-status')).toHaveProperty('textContent', 'Not requested');
    // Nothing filled in: the form says what is missing, and nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText("Give your organisation's name, at most 120 characters.")).toBeTruthy();
    expect(screen.getByText('Describe your use in at most 1000 characters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Website (optional)'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText(/Enter a web address starting with http/)).toBeTruthy();
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: ' Moonlight Records ' } });
    fireEvent.change(screen.getByLabelText('Website (optional)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('What will you use the API for?'), { target: { value: 'Score our back catalogue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('Your request is sent. You will see the decision here.')).toBeTruthy();
    expect(screen.getByTestId('partner-status').textContent).toBe('Pending');
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull();
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([
      ['POST', '/api/v1/auth/partner-access', { organisation: 'Moonlight Records', purpose: 'Score our back catalogue' }],
    ]);
    // No clients before approval.
    expect(api.calls().some(([, path]) => path.startsWith('/api/v1/auth/partner-clients'))).toBe(false);
  });

  it('shows_a_rejection_with_the_note_and_lets_the_member_ask_again', async () => {
    renderPartner([
      ['GET', ACCESS, () => json({ ...approved, status: 'REJECTED', decisionNote: 'Tell us more about the label' })],
    ]);
    expect(await screen.findByTestId('partner-note')).toHaveProperty('textContent', "Administrator's note: Tell us more about the label");
    expect(screen.getByTestId('partner-status').textContent).toBe('Rejected');
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('Moonlight Records');
    expect(screen.getByRole('button', { name: 'Send request' })).toBeTruthy();
  });

  it('creates_a_client_and_shows_its_secret_once_in_a_dialog_with_a_copy_button', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    let clients: PartnerClient[] = [];
    const api = renderPartner([
      ['GET', ACCESS, () => json(approved)],
      ['GET', CLIENTS, () => json({ items: clients })],
      ['GET', USAGE, noUsage],
      ['POST', CLIENTS, (_url, body) => {
        const { name, scopes } = body as { name: string; scopes: string[] };
        clients = [{ ...importer, name, scopes }];
        return json({ clientId: importer.clientId, clientSecret: 'hs_secret-shown-once', name, scopes, createdAt: importer.createdAt,
          tokenUrl: 'http://hitter.test/api/v1/auth/oauth2/token' }, 201);
      }],
    ]);
    expect(await screen.findByTestId('clients-empty')).toBeTruthy();
    expect(screen.getByTestId('token-url').textContent).toMatch(/\/api\/v1\/auth\/oauth2\/token$/);

    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    expect(await screen.findByText('Give a name of at most 80 characters.')).toBeTruthy();
    expect(screen.getByText('Choose at least one scope.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Client name/), { target: { value: 'Importer' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^jobs:write/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^predictions:read/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));

    const dialog = await screen.findByRole('dialog', { name: 'The secret of Importer' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByTestId('issued-client-secret').textContent).toBe('hs_secret-shown-once');
    expect(within(dialog).getByText(/you will not see it again/)).toBeTruthy();
    const copy = within(dialog).getByRole('button', { name: 'Copy the secret' });
    expect(document.activeElement).toBe(copy);
    fireEvent.click(copy);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('hs_secret-shown-once'));
    expect(await within(dialog).findByText('Copied.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Gone for good: the list never shows the secret.
    expect(await screen.findByTestId('client-row')).toBeTruthy();
    expect(screen.queryByText('hs_secret-shown-once')).toBeNull();
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([
      ['POST', '/api/v1/auth/partner-clients', { name: 'Importer', scopes: ['predictions:read', 'jobs:write'] }],
    ]);
  });

  it('rotates_a_secret_and_revokes_a_client_each_after_a_confirmation', async () => {
    let clients: PartnerClient[] = [importer];
    const api = renderPartner([
      ['GET', ACCESS, () => json(approved)],
      ['GET', CLIENTS, () => json({ items: clients })],
      ['GET', USAGE, noUsage],
      ['POST', /^\/api\/v1\/auth\/partner-clients\/hc_a+\/secret$/, () => {
        clients = [{ ...importer, secretRotatedAt: '2026-12-07T11:00:00Z' }];
        return json({ clientId: importer.clientId, clientSecret: 'hs_rotated' });
      }],
      ['DELETE', /^\/api\/v1\/auth\/partner-clients\/hc_a+$/, () => {
        clients = [{ ...importer, revokedAt: '2026-12-07T12:00:00Z' }];
        return noContent();
      }],
    ]);
    const row = await screen.findByTestId('client-row');
    expect(within(row).getByText('predictions:read')).toBeTruthy();
    expect(within(row).getByTestId('client-state').textContent).toBe('Active');

    fireEvent.click(within(row).getByRole('button', { name: 'New secret for Importer' }));
    expect(within(row).getByText(/The current secret stops working at once/)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, make a new secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'The secret of Importer' });
    expect(within(dialog).getByTestId('issued-client-secret').textContent).toBe('hs_rotated');
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have saved it' }));

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Importer' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(api.calls().some(([method]) => method === 'DELETE')).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Importer' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, revoke it' }));
    expect(await screen.findByText('Importer is revoked.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId('client-row')).getByTestId('client-state').textContent).toMatch(/^Revoked/));
    expect(within(screen.getByTestId('client-row')).queryByRole('button', { name: 'Revoke Importer' })).toBeNull();
    expect(api.calls().filter(([method]) => method !== 'GET').map(([method, path]) => `${method} ${path}`)).toEqual([
      `POST /api/v1/auth/partner-clients/${importer.clientId}/secret`,
      `DELETE /api/v1/auth/partner-clients/${importer.clientId}`,
    ]);
  });

  it('says_why_an_eleventh_client_is_refused', async () => {
    renderPartner([
      ['GET', ACCESS, () => json(approved)],
      ['GET', CLIENTS, () => json({ items: [importer] })],
      ['GET', USAGE, noUsage],
      ['POST', CLIENTS, () => problem(409, 'too-many-clients', { title: 'Too many clients' })],
    ]);
    await screen.findByTestId('client-row');
    fireEvent.change(screen.getByLabelText(/^Client name/), { target: { value: 'Eleventh' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^jobs:write/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create client' }));
    expect(await screen.findByText(/You have as many active API clients as allowed \(10\)/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows_each_clients_usage_with_a_bar_per_day_in_korean', async () => {
    renderPartner(
      [
        ['GET', ACCESS, () => json(approved)],
        ['GET', CLIENTS, () => json({ items: [importer] })],
        ['GET', USAGE, () => json({
          from: '2026-11-08', to: '2026-12-07',
          clients: [{ clientId: importer.clientId, requests: 42, analyses: 7, jobs: 2, lastUsedAt: '2026-12-06T09:30:00Z', days: [
            { date: '2026-12-05', requests: 0, analyses: 0 },
            { date: '2026-12-06', requests: 40, analyses: 6 },
            { date: '2026-12-07', requests: 2, analyses: 1 },
          ] }],
        })],
      ],
      'ko',
    );
    const usage = await screen.findByTestId('usage');
    expect(within(usage).getByRole('heading', { name: 'Importer' })).toBeTruthy();
    expect(within(usage).getByTestId('usage-requests').textContent).toBe('42');
    expect(within(usage).getByTestId('usage-analyses').textContent).toBe('7');
    expect(within(usage).getByTestId('usage-jobs').textContent).toBe('2');
    const days = within(usage).getAllByTestId('usage-day');
    // A day without calls draws no bar.
    expect(days).toHaveLength(2);
    expect(within(usage).getByRole('list', { name: 'Importer의 날짜별 요청' })).toBeTruthy();
    expect(days[0]!.textContent).toContain('요청 40건, 분석 6건');
    const bars = usage.querySelectorAll<HTMLElement>('.partner-bars__bar');
    expect(bars[0]!.style.width).toBe('100%');
    expect(bars[1]!.style.width).toBe('5%');
    expect(screen.getByRole('heading', { level: 1, name: '파트너 API' })).toBeTruthy();
  });
});
