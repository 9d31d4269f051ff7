import { useMutation } from '@tanstack/react-query';
import { api, apiBlob } from '../../api/client';

/** Deleting the account and downloading its data (docs/accounts.md "Deleting an account and your data"). */

const AUTH = '/api/v1/auth';

export interface AccountDeletion {
  currentPassword: string;
  /** The app's six digits or a recovery code; needed only with two-factor on. */
  code?: string;
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (deletion: AccountDeletion) => api<void>(`${AUTH}/me`, { method: 'DELETE', json: deletion }),
  });
}

/** Fetches the archive (the request needs the token, so a plain link cannot) and hands it to the browser. */
export async function downloadMyData(): Promise<void> {
  const archive = await apiBlob(`${AUTH}/me/export`, { headers: { Accept: 'application/zip, application/problem+json' } });
  const url = URL.createObjectURL(archive);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `hitter-data-${new Date().toISOString().slice(0, 10)}.zip`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the address is withdrawn.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}
