import { type APIRequestContext, expect } from '@playwright/test';

/**
 * The local run's mail viewer (deploy/local LocalMail): every mail the system sent, as a developer reads it.
 * BrowserEndToEndIT sets HITTER_E2E_MAIL_URL; by hand, `./hitter run` prints it (http://127.0.0.1:8025 by default).
 */
export const MAIL_URL = (process.env.HITTER_E2E_MAIL_URL ?? 'http://127.0.0.1:8025').replace(/\/+$/, '');

export type Mail = { id: number; to: string[]; from: string; subject: string; text: string; receivedAt: string };

/** Pages of the web app a mailed link opens. */
export type LinkPage = 'verify-email' | 'reset-password' | 'confirm-email-change';

/** Every mail to the address so far, oldest first. */
export async function mailsTo(request: APIRequestContext, address: string): Promise<Mail[]> {
  const answer = await request.get(`${MAIL_URL}/api/messages?to=${encodeURIComponent(address)}`);
  expect(answer.status(), `the mail viewer at ${MAIL_URL}`).toBe(200);
  return (await answer.json()) as Mail[];
}

/** The newest link to `page` mailed to the address (waits for it), e.g. `/verify-email?token=…` as a path. */
export async function awaitLink(request: APIRequestContext, address: string, page: LinkPage): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s]+(/${page}\\?token=[A-Za-z0-9_-]+)`);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const mails = await mailsTo(request, address);
        for (const mail of [...mails].reverse()) {
          const match = pattern.exec(mail.text);
          if (match) {
            found = match[1];
            return true;
          }
        }
        return false;
      },
      { message: `a ${page} link mailed to ${address}`, timeout: 30_000 },
    )
    .toBe(true);
  return found as string;
}

/** Opens the verification link mailed at sign-up through the API, as the web app's page does: 204. */
export async function verifyThroughMail(request: APIRequestContext, address: string): Promise<void> {
  const path = await awaitLink(request, address, 'verify-email');
  const token = new URLSearchParams(path.slice(path.indexOf('?'))).get('token');
  const answer = await request.post('/api/v1/auth/email-verification', { data: { token } });
  expect(answer.status(), `verifying ${address}: ${await answer.text()}`).toBe(204);
}
