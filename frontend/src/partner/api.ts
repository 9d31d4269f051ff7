import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

/** Server state of the partner page: the member's partner access, their API clients and the clients' usage. */

const AUTH = '/api/v1/auth';

export type PartnerAccessStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED';

export interface PartnerAccess {
  status: PartnerAccessStatus;
  organisation?: string | null;
  website?: string | null;
  purpose?: string | null;
  requestedAt?: string | null;
  decidedAt?: string | null;
  decisionNote?: string | null;
}

export interface PartnerAccessRequest {
  organisation: string;
  /** Left out when empty. */
  website?: string;
  purpose: string;
}

export const SCOPES = ['predictions:read', 'predictions:write', 'jobs:write'] as const;
export type Scope = (typeof SCOPES)[number];

export interface PartnerClient {
  clientId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  secretRotatedAt?: string | null;
  lastTokenAt?: string | null;
  revokedAt?: string | null;
}

/** A client's secret, in the one answer that ever holds it (creation or rotation). */
export interface IssuedSecret {
  clientId: string;
  clientSecret: string;
  name?: string;
  scopes?: string[];
  createdAt?: string;
  tokenUrl?: string;
}

export interface UsageDay {
  date: string;
  requests: number;
  analyses: number;
}

export interface ClientUsage {
  clientId: string;
  requests: number;
  analyses: number;
  jobs: number;
  lastUsedAt?: string | null;
  days: UsageDay[];
}

export interface UsageReport {
  from: string;
  to: string;
  clients: ClientUsage[];
}

/** The server's limits (contract: partner access and clients), said by the forms before the server has to. */
export const ACCESS_LIMITS = { organisation: 120, website: 200, purpose: 1000 } as const;
export const CLIENT_NAME_MAX = 80;
/** The token endpoint, relative to the gateway the app is served from. */
export const TOKEN_PATH = `${AUTH}/oauth2/token`;
export const USAGE_DAYS = 30;

export const partnerKeys = {
  all: ['partner'] as const,
  access: () => ['partner', 'access'] as const,
  clients: () => ['partner', 'clients'] as const,
  usage: () => ['partner', 'usage'] as const,
};

export function usePartnerAccess() {
  return useQuery({ queryKey: partnerKeys.access(), queryFn: () => api<PartnerAccess>(`${AUTH}/partner-access`) });
}

export function useRequestPartnerAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PartnerAccessRequest) => api<PartnerAccess>(`${AUTH}/partner-access`, { method: 'POST', json: request }),
    onSuccess: (access) => queryClient.setQueryData(partnerKeys.access(), access),
  });
}

export function usePartnerClients(enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.clients(),
    queryFn: () => api<{ items: PartnerClient[] }>(`${AUTH}/partner-clients`).then((page) => page.items),
    enabled,
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: { name: string; scopes: string[] }) =>
      api<IssuedSecret>(`${AUTH}/partner-clients`, { method: 'POST', json: client }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.clients() }),
  });
}

export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) =>
      api<IssuedSecret>(`${AUTH}/partner-clients/${encodeURIComponent(clientId)}/secret`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.clients() }),
  });
}

export function useRevokeClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => api<void>(`${AUTH}/partner-clients/${encodeURIComponent(clientId)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerKeys.clients() }),
  });
}

export function useClientUsage(enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.usage(),
    queryFn: () => api<UsageReport>(`/api/v1/predictions/client-usage?days=${USAGE_DAYS}`),
    enabled,
  });
}
