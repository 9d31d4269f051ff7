import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { PartnerAccessStatus } from '../partner/api';

/** Server state of the administrators' partner-access queue (contract: auth-service admin partner-access). */

const ADMIN = '/api/v1/auth/admin/partner-access';

export interface PartnerAccessItem {
  memberId: string;
  email: string;
  displayName: string;
  organisation: string;
  website?: string | null;
  purpose: string;
  status: PartnerAccessStatus;
  requestedAt: string;
  decidedAt?: string | null;
  decisionNote?: string | null;
}

export type Decision = 'approval' | 'rejection' | 'revocation';
export type DecidedStatus = 'APPROVED' | 'REJECTED' | 'REVOKED';
export const DECIDED: DecidedStatus[] = ['APPROVED', 'REJECTED', 'REVOKED'];

/** A note's length the form allows; the decision is recorded in the audit log with it. */
export const NOTE_MAX = 500;

export const partnerAdminKeys = {
  all: ['admin', 'partner-access'] as const,
  list: (status: PartnerAccessStatus) => ['admin', 'partner-access', status] as const,
};

export function usePartnerRequests(status: PartnerAccessStatus) {
  return useQuery({
    queryKey: partnerAdminKeys.list(status),
    queryFn: () => api<{ items: PartnerAccessItem[] }>(`${ADMIN}?status=${status}`).then((page) => page.items),
  });
}

/** Approves (note optional), rejects or revokes (note required) a member's partner access. */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, decision, note }: { memberId: string; decision: Decision; note?: string }) =>
      api<PartnerAccessItem>(`${ADMIN}/${encodeURIComponent(memberId)}/${decision}`, { method: 'POST', json: note ? { note } : {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: partnerAdminKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}
