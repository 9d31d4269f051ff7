import { api } from '../../api/client';

/** Asks to move the account to `newEmail`; the current password proves it is the member at the keyboard. */
export function requestEmailChange(newEmail: string, currentPassword: string): Promise<void> {
  return api<void>('/api/v1/auth/me/email', { method: 'POST', json: { newEmail, currentPassword } });
}

/** Opens the link mailed to the new address (signed in as the member it was made for). */
export function confirmEmailChange(token: string): Promise<void> {
  return api<void>('/api/v1/auth/email-change/confirm', { method: 'POST', json: { token } });
}
