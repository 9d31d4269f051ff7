import { apiBlob } from '../api/client';

export const EXPORT_PATH = '/api/v1/predictions/export.csv';

/**
 * Downloads the member's analyses as CSV. The file needs the token, so a plain link cannot fetch it: the blob is
 * fetched, handed to a temporary link as an object URL, and the URL is revoked once the download has started.
 */
export async function downloadAnalysesCsv(fileName: string): Promise<void> {
  const blob = await apiBlob(EXPORT_PATH, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click has handed the URL to the download; revoking later lets slow browsers start it first.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
