import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { session } from '../auth/session';

/** Server state of the member's own account (docs/accounts.md): addresses, cache keys and invalidation. */

const AUTH = '/api/v1/auth';

export type MemberKind = 'artist' | 'producer' | 'label' | 'other';
export const MEMBER_KINDS: MemberKind[] = ['artist', 'producer', 'label', 'other'];

export interface Profile {
  email: string;
  displayName: string;
  kind: MemberKind;
  affiliation?: string | null;
  bio?: string | null;
  memberSince: string;
}

export interface ProfileUpdate {
  displayName?: string;
  kind?: MemberKind;
  /** Empty removes it. */
  affiliation?: string;
  /** Empty removes it. */
  bio?: string;
}

export interface Device {
  browser?: string | null;
  os?: string | null;
}

export interface SessionInfo {
  id: string;
  device: Device;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt?: string | null;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
}

export const accountKeys = {
  all: ['account'] as const,
  profile: () => ['account', 'profile'] as const,
  sessions: () => ['account', 'sessions'] as const,
  twoFactor: () => ['account', 'two-factor'] as const,
};

/** Field limits, the same as the server's (ProfileUpdate.java): the form says so before the server has to. */
export const PROFILE_LIMITS = { displayName: 50, affiliation: 100, bio: 500 } as const;

export function useProfile() {
  return useQuery({ queryKey: accountKeys.profile(), queryFn: () => api<Profile>(`${AUTH}/me/profile`) });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ProfileUpdate) => api<Profile>(`${AUTH}/me/profile`, { method: 'PATCH', json: update }),
    onSuccess: async (profile) => {
      queryClient.setQueryData(accountKeys.profile(), profile);
      // The header shows the display name: learn the new one.
      await session.reloadMember();
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { currentPassword: string; newPassword: string }) =>
      api<void>(`${AUTH}/me/password`, { method: 'POST', json: change }),
    // Every other session ended.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: accountKeys.sessions(), queryFn: () => api<SessionInfo[]>(`${AUTH}/sessions`) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${AUTH}/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`${AUTH}/sessions?others=true`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useTwoFactorStatus() {
  return useQuery({ queryKey: accountKeys.twoFactor(), queryFn: () => api<TwoFactorStatus>(`${AUTH}/me/two-factor`) });
}

export function useSetUpTwoFactor() {
  return useMutation({
    mutationFn: () => api<TwoFactorSetup>(`${AUTH}/me/two-factor/setup`, { method: 'POST' }),
  });
}

export function useEnableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<{ recoveryCodes: string[] }>(`${AUTH}/me/two-factor/enable`, { method: 'POST', json: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: { password: string; code?: string; recoveryCode?: string }) =>
      api<void>(`${AUTH}/me/two-factor/disable`, { method: 'POST', json: proof }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }),
  });
}
