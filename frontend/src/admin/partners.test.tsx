import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json, problem } from '../analysis/testData';
import { stubRoutes } from '../community/testData';
import type { Member } from '../auth/session';
import { PartnersPage } from './PartnersPage';
import type { PartnerAccessItem } from './partnerApi';

configure({ asyncUtilTimeout: 4000 });

const session = vi.hoisted(() => ({ member: undefined as Member | undefined }));
vi.mock('../auth/session', async (original) => {
  const actual = await original<typeof import('../auth/session')>();
  return {
    ...actual,
    useSession: () => ({ status: session.member ? 'signedIn' : 'signedOut', member: session.member, logIn: vi.fn(), signUp: vi.fn(), logOut: vi.fn() }),
  };
});

const ADMIN: Member = { id: 'admin-1', email: 'root@example.com', displayName: 'Root', kind: 'other', roles: ['MEMBER', 'ADMIN'] };
const request = (over: Partial<PartnerAccessItem> = {}): PartnerAccessItem => ({
  memberId: 'ann-1', email: 'ann@example.com', displayName: 'Ann', organisation: 'Moonlight Records',
  website: 'https://moonlight.example', purpose: 'Score our back catalogue', status: 'PENDING',
  requestedAt: '2026-12-07T09:00:00Z', decidedAt: null, decisionNote: null, ...over,
});
const list = (status: string) => new RegExp(`^/api/v1/auth/admin/partner-access\\?status=${status}$`);

afterEach(() => {
  session.member = undefined;
});

describe('the partner-access queue', () => {
  it('is_no_page_at_all_for_a_member', async () => {
    session.member = { ...ADMIN, roles: ['MEMBER'] };
    const api = stubRoutes([]);
    renderWithApp(<PartnersPage />, { path: '/admin/partners', at: '/admin/partners' });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByText('Waiting for a decision')).toBeNull();
    expect(api.calls()).toEqual([]);
  });

  it('approves_one_request_and_rejects_another_only_with_a_note', async () => {
    session.member = ADMIN;
    let pending = [request(), request({ memberId: 'bo-1', displayName: 'Bo', email: 'bo@example.com', organisation: 'Bo Beats', website: null })];
    const api = stubRoutes([
      ['GET', list('PENDING'), () => json({ items: pending })],
      ['GET', list('APPROVED'), () => json({ items: [] })],
      ['POST', /^\/api\/v1\/auth\/admin\/partner-access\/ann-1\/approval$/, () => {
        pending = pending.filter((item) => item.memberId !== 'ann-1');
        return json(request({ status: 'APPROVED' }));
      }],
      ['POST', /^\/api\/v1\/auth\/admin\/partner-access\/bo-1\/rejection$/, () => {
        pending = [];
        return json(request({ memberId: 'bo-1', status: 'REJECTED' }));
      }],
    ]);
    renderWithApp(<PartnersPage />, { path: '/admin/partners', at: '/admin/partners' });
    expect(await screen.findAllByTestId('partner-request')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Partners' }).getAttribute('aria-current')).toBe('page');
    const [ann, bo] = screen.getAllByTestId('partner-request');
    expect(within(ann!).getByText('Score our back catalogue')).toBeTruthy();
    expect(within(ann!).getByRole('link', { name: 'Ann' }).getAttribute('href')).toBe('/admin/members/ann-1');

    fireEvent.click(within(ann!).getByRole('button', { name: 'Approve Moonlight Records' }));
    expect(await screen.findByText('Moonlight Records (Ann) is approved.')).toBeTruthy();

    // A rejection says why.
    const boRow = screen.getAllByTestId('partner-request').find((row) => row.getAttribute('data-member-id') === 'bo-1') ?? bo!;
    fireEvent.click(within(boRow).getByRole('button', { name: 'Reject Bo Beats' }));
    expect(await within(boRow).findByText(/a rejection or a revocation needs one/)).toBeTruthy();
    fireEvent.change(within(boRow).getByLabelText(/^Note to the member/), { target: { value: ' Not a label ' } });
    fireEvent.click(within(boRow).getByRole('button', { name: 'Reject Bo Beats' }));
    expect(await screen.findByText('Bo Beats (Bo) is rejected.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('pending-empty')).toBeTruthy());
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([
      ['POST', '/api/v1/auth/admin/partner-access/ann-1/approval', {}],
      ['POST', '/api/v1/auth/admin/partner-access/bo-1/rejection', { note: 'Not a label' }],
    ]);
  });

  it('lists_decided_requests_by_status_and_revokes_an_approved_partner_with_a_note', async () => {
    session.member = ADMIN;
    const approved = request({ status: 'APPROVED', decidedAt: '2026-12-07T10:00:00Z', decisionNote: 'Welcome' });
    const api = stubRoutes([
      ['GET', list('PENDING'), () => json({ items: [] })],
      ['GET', list('APPROVED'), () => json({ items: [approved] })],
      ['GET', list('REJECTED'), () => json({ items: [request({ memberId: 'cy-1', organisation: 'Cy Sounds', status: 'REJECTED', decisionNote: 'Spam' })] })],
      ['POST', /^\/api\/v1\/auth\/admin\/partner-access\/ann-1\/revocation$/, () => json({ ...approved, status: 'REVOKED' })],
    ]);
    renderWithApp(<PartnersPage />, { path: '/admin/partners', at: '/admin/partners' });
    const decided = await screen.findByTestId('decided');
    expect(within(decided).getByText('Welcome')).toBeTruthy();
    fireEvent.click(within(decided).getByRole('button', { name: 'Revoke access of Moonlight Records' }));
    fireEvent.click(within(decided).getByRole('button', { name: 'Revoke access of Moonlight Records' }));
    expect(await within(decided).findByText(/a rejection or a revocation needs one/)).toBeTruthy();
    fireEvent.change(within(decided).getByLabelText('Why is the access withdrawn?'), { target: { value: 'Scraping' } });
    fireEvent.click(within(decided).getByRole('button', { name: 'Revoke access of Moonlight Records' }));
    expect(await screen.findByText('The access of Moonlight Records (Ann) is revoked.')).toBeTruthy();
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([
      ['POST', '/api/v1/auth/admin/partner-access/ann-1/revocation', { note: 'Scraping' }],
    ]);

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'REJECTED' } });
    expect(await screen.findByText('Cy Sounds', { exact: false })).toBeTruthy();
    expect(screen.getByText('Spam')).toBeTruthy();
  });

  it('shows_the_servers_refusal_in_korean', async () => {
    session.member = ADMIN;
    stubRoutes([
      ['GET', list('PENDING'), () => json({ items: [request()] })],
      ['GET', list('APPROVED'), () => json({ items: [] })],
      ['POST', /approval$/, () => problem(403, 'forbidden')],
    ]);
    renderWithApp(<PartnersPage />, { path: '/admin/partners', at: '/admin/partners', locale: 'ko' });
    expect(await screen.findByRole('heading', { level: 1, name: '파트너 접근' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Moonlight Records 승인' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
