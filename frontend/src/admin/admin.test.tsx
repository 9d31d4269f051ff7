import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json, problem } from '../analysis/testData';
import { noContent, stubRoutes } from '../community/testData';
import type { Member } from '../auth/session';
import { AuditPage } from './AuditPage';
import { MemberPage } from './MemberPage';
import { MembersPage } from './MembersPage';

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
const ANN = {
  id: 'ann-1', email: 'ann@example.com', displayName: 'Ann', kind: 'producer', roles: ['MEMBER'],
  emailVerified: true, twoFactorEnabled: false, memberSince: '2026-12-01T10:00:00Z',
};
const page = (items: unknown[], nextCursor: string | null = null) => json({ items, nextCursor });
const event = (id: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id, kind, occurredAt: '2026-12-07T10:00:00Z', source: 'auth-service', memberId: 'ann-1', actorId: null,
  clientAddress: '203.0.113.9', userAgent: 'Firefox', detail: null, ...extra,
});

afterEach(() => {
  session.member = undefined;
});

describe('the administrators screens', () => {
  it('are_no_page_at_all_for_a_member', async () => {
    session.member = { ...ADMIN, id: 'm', roles: ['MEMBER'] };
    const api = stubRoutes([]);
    renderWithApp(<MembersPage />, { path: '/admin/members', at: '/admin/members' });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('search')).toBeNull();
    expect(api.calls()).toEqual([]);
  });

  it('searches_members_and_loads_more_with_the_cursor', async () => {
    session.member = ADMIN;
    const api = stubRoutes([
      ['GET', /^\/api\/v1\/auth\/admin\/members\?q=ann&cursor=c1$/, () => page([{ ...ANN, id: 'ann-2', email: 'anna@example.com', displayName: 'Anna' }])],
      ['GET', /^\/api\/v1\/auth\/admin\/members\?q=ann$/, () => page([ANN], 'c1')],
      ['GET', /^\/api\/v1\/auth\/admin\/members$/, () => page([])],
    ]);
    renderWithApp(<MembersPage />, { path: '/admin/members', at: '/admin/members' });
    expect(await screen.findByTestId('members-empty')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Search/), { target: { value: '  ann ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByRole('link', { name: 'Ann' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ann' }).getAttribute('href')).toBe('/admin/members/ann-1');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Anna' })).toBeTruthy();
    expect(api.calls().map(([, path]) => path)).toContain('/api/v1/auth/admin/members?q=ann&cursor=c1');
  });

  it('refuses_an_oversized_or_control_character_search_before_asking', async () => {
    session.member = ADMIN;
    const api = stubRoutes([['GET', /^\/api\/v1\/auth\/admin\/members/, () => page([])]]);
    renderWithApp(<MembersPage />, { path: '/admin/members', at: '/admin/members' });
    await screen.findByTestId('members-empty');
    for (const bad of ['x'.repeat(101), 'a\u0007b']) {
      fireEvent.change(screen.getByLabelText(/Search/), { target: { value: bad } });
      fireEvent.click(screen.getByRole('button', { name: 'Find' }));
      expect(await screen.findByText('At most 100 characters, without control characters.')).toBeTruthy();
    }
    expect(api.calls()).toHaveLength(1);
  });

  it('shows_a_members_state_and_events_and_suspends_with_a_reason_then_reinstates', async () => {
    session.member = ADMIN;
    const api = stubRoutes([
      ['GET', /^\/api\/v1\/auth\/admin\/members\/ann-1$/, () => json(ANN)],
      ['GET', /^\/api\/v1\/auth\/admin\/audit\?memberId=ann-1$/, () => page([event('e2', 'LOGIN_FAILED', { detail: 'wrong password' }), event('e1', 'SIGNED_UP')])],
      ['POST', /^\/api\/v1\/auth\/admin\/members\/ann-1\/suspension$/, () => noContent()],
      ['DELETE', /^\/api\/v1\/auth\/admin\/members\/ann-1\/suspension$/, () => noContent()],
    ]);
    renderWithApp(<MemberPage />, { path: '/admin/members/:id', at: '/admin/members/ann-1' });
    expect(await screen.findByRole('heading', { name: 'Ann' })).toBeTruthy();
    expect(within(screen.getByTestId('member-state')).getByText('ann@example.com')).toBeTruthy();
    expect(screen.getByTestId('member-roles').textContent).toBe('Member');
    expect(screen.getByTestId('member-suspension').textContent).toBe('Not suspended');
    const entries = await screen.findAllByTestId('audit-entry');
    expect(entries).toHaveLength(2);
    expect(within(entries[0]!).getByText('LOGIN_FAILED')).toBeTruthy();
    expect(within(entries[0]!).getByText('wrong password')).toBeTruthy();

    // No reason, no call.
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('Give a reason of at most 500 characters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: ' Selling accounts ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('The member is suspended.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reinstate' }));
    expect(await screen.findByText('The member is reinstated.')).toBeTruthy();
    const changes = api.calls().filter(([method]) => method !== 'GET');
    expect(changes).toEqual([
      ['POST', '/api/v1/auth/admin/members/ann-1/suspension', { reason: 'Selling accounts' }],
      ['DELETE', '/api/v1/auth/admin/members/ann-1/suspension', undefined],
    ]);
  });

  it('says_whether_and_why_a_member_is_suspended', async () => {
    session.member = ADMIN;
    stubRoutes([
      ['GET', /^\/api\/v1\/auth\/admin\/members\/ann-1$/, () => json({ ...ANN, suspendedAt: '2026-12-07T10:00:00Z', suspensionReason: 'Selling accounts' })],
      ['GET', /^\/api\/v1\/auth\/admin\/audit/, () => page([])],
    ]);
    renderWithApp(<MemberPage />, { path: '/admin/members/:id', at: '/admin/members/ann-1' });
    const state = await screen.findByTestId('member-suspension');
    expect(state.textContent).toMatch(/^since .+: Selling accounts$/);
  });

  it('says_why_the_last_administrator_keeps_the_role', async () => {
    session.member = ADMIN;
    stubRoutes([
      ['GET', /^\/api\/v1\/auth\/admin\/members\/admin-1$/, () => json({ ...ANN, id: 'admin-1', displayName: 'Root', roles: ['ADMIN', 'MEMBER'] })],
      ['GET', /^\/api\/v1\/auth\/admin\/audit/, () => page([])],
      ['DELETE', /roles\/ADMIN$/, () => problem(409, 'last-administrator', { title: 'The last administrator cannot lose the role' })],
    ]);
    renderWithApp(<MemberPage />, { path: '/admin/members/:id', at: '/admin/members/admin-1' });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove administrator role' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    // One cannot suspend oneself: the form is not offered.
    expect(screen.queryByRole('button', { name: 'Suspend' })).toBeNull();
  });

  it('filters_the_audit_log_by_kind_in_korean_too', async () => {
    session.member = ADMIN;
    const api = stubRoutes([
      ['GET', /^\/api\/v1\/auth\/admin\/audit\?kind=LOGIN_THROTTLED$/, () => page([event('e9', 'LOGIN_THROTTLED')])],
      ['GET', /^\/api\/v1\/auth\/admin\/audit$/, () => page([event('e8', 'MODERATION_POST_HIDE', { source: 'community-service', actorId: 'admin-1' })])],
    ]);
    renderWithApp(<AuditPage />, { path: '/admin/audit', at: '/admin/audit', locale: 'ko' });
    expect(await screen.findByRole('heading', { name: '감사 로그' })).toBeTruthy();
    expect(await screen.findByText('MODERATION_POST_HIDE')).toBeTruthy();
    expect(screen.getByText(/community-service/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/종류/), { target: { value: 'login_throttled' } });
    fireEvent.click(screen.getByRole('button', { name: '필터' }));
    expect(await screen.findByText('LOGIN_THROTTLED')).toBeTruthy();
    expect(api.calls().map(([, path]) => path)).toContain('/api/v1/auth/admin/audit?kind=LOGIN_THROTTLED');
    fireEvent.change(screen.getByLabelText(/종류/), { target: { value: 'bad kind!' } });
    fireEvent.click(screen.getByRole('button', { name: '필터' }));
    expect(await screen.findByText('영문 대문자, 숫자, 밑줄만 쓸 수 있습니다.')).toBeTruthy();
  });
});
