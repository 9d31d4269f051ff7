import { api } from '../api/client';

/**
 * The API behind the links auth-service mails: verifying the address, and resetting a forgotten password. Every
 * wrong link — unknown, used, expired — is answered alike (problem `invalid-link`).
 */

export function verifyEmail(token: string): Promise<void> {
  return api<void>('/api/v1/auth/email-verification', { method: 'POST', json: { token } });
}

/** Mails the signed-in member a new verification link (the earlier one stops working). */
export function resendVerification(): Promise<void> {
  return api<void>('/api/v1/auth/email-verification/resend', { method: 'POST' });
}

/** Always accepted, whether or not the address has an account. */
export function askPasswordReset(email: string): Promise<void> {
  return api<void>('/api/v1/auth/password-reset', { method: 'POST', json: { email } });
}

/** Sets the new password and ends every session of the account. */
export function resetPassword(token: string, newPassword: string): Promise<void> {
  return api<void>('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, newPassword } });
}

/**
 * One request per link and page load: React runs effects twice in development, and a link works only once, so a
 * second request would report the first one's success as a used link.
 */
const opened = new Map<string, Promise<void>>();

export function openLinkOnce(key: string, open: () => Promise<void>): Promise<void> {
  let request = opened.get(key);
  if (!request) {
    request = open();
    opened.set(key, request);
  }
  return request;
}
