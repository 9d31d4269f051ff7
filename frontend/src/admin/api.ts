import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../api/client';

/** Server state of the administrators' screens (docs/accounts.md "Administration and audit"). */

const ADMIN = '/api/v1/auth/admin';

export interface AdminMember {
  id: string;
  email: string;
  displayName: string;
  kind: string;
  roles: string[];
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  memberSince: string;
  /** When an administrator suspended the member; null while they are not suspended. */
  suspendedAt?: string | null;
  suspensionReason?: string | null;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  kind: string;
  source: string;
  memberId?: string | null;
  actorId?: string | null;
  clientAddress?: string | null;
  userAgent?: string | null;
  detail?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** The server's limits (AdminController.java), said by the form before the server has to. */
export const SEARCH_MAX = 100;
export const REASON_MAX = 500;

export const adminKeys = {
  all: ['admin'] as const,
  members: (q: string) => ['admin', 'members', q] as const,
  member: (id: string) => ['admin', 'member', id] as const,
  audit: (memberId: string | undefined, kind: string | undefined) => ['admin', 'audit', memberId ?? '', kind ?? ''] as const,
};

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function allItems<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

export function useMemberSearch(q: string) {
  return useInfiniteQuery({
    queryKey: adminKeys.members(q),
    queryFn: ({ pageParam }) => api<Page<AdminMember>>(`${ADMIN}/members${query({ q, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminMember(id: string) {
  return useQuery({ queryKey: adminKeys.member(id), queryFn: () => api<AdminMember>(`${ADMIN}/members/${encodeURIComponent(id)}`) });
}

export function useAudit(memberId?: string, kind?: string) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(memberId, kind),
    queryFn: ({ pageParam }) => api<Page<AuditEntry>>(`${ADMIN}/audit${query({ memberId, kind, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Grants (true) or takes (false) the ADMIN role. */
export function useSetAdmin(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (admin: boolean) =>
      api<AdminMember>(`${ADMIN}/members/${encodeURIComponent(id)}/roles/ADMIN`, { method: admin ? 'PUT' : 'DELETE' }),
    onSuccess: (member) => {
      queryClient.setQueryData(adminKeys.member(id), member);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}

/** Suspends with a reason, or reinstates (no reason): the suspension endpoints of docs/accounts.md. */
export function useSuspension(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { suspend: true; reason: string } | { suspend: false }) =>
      api<void>(`${ADMIN}/members/${encodeURIComponent(id)}/suspension`, change.suspend
        ? { method: 'POST', json: { reason: change.reason } }
        : { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.member(id) });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}
