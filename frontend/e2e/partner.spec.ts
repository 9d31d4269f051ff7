import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { basename } from 'node:path';
import { type APIRequestContext, type Browser, type Page, request as playwrightRequest } from '@playwright/test';
import {
  DESKTOP,
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  screenshotEveryLocale,
  test,
  useLocale,
  type Member,
} from './support/fixtures';

// Partner access end to end (issue 14): a verified member asks for partner access in the web app, the run's
// administrator approves it in /admin/partners, the member creates an API client and reads its secret from the
// dialog; then, as a label's tool would with curl (Playwright's request API, no browser), the client gets a token by
// client credentials, submits a batch job with a webhook, receives the signed webhook on a receiver this spec runs on
// 127.0.0.1:$HITTER_E2E_WEBHOOK_PORT (the one loopback target the system's webhooks may call, set by
// BrowserEndToEndIT) and verifies its signature, reads the results CSV, and is refused with 429 and Retry-After
// past the rate limit. The catalogue screen shows the same job, its webhook log, and sends the webhook again.

/** The administrator the running system was started with; no silent skip without one. */
function administrator(): Member {
  const email = process.env.HITTER_E2E_ADMIN_EMAIL;
  const password = process.env.HITTER_E2E_ADMIN_PASSWORD;
  if (!email || !password) {
    throw new Error('HITTER_E2E_ADMIN_EMAIL and HITTER_E2E_ADMIN_PASSWORD must name an administrator of the system under test');
  }
  return { email, password, displayName: 'administrator' };
}

/** Where the webhook receiver listens: the port the system under test allows as a webhook target. */
function webhookPort(): number {
  const port = Number(process.env.HITTER_E2E_WEBHOOK_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(
      'HITTER_E2E_WEBHOOK_PORT must name the port the system allows webhooks to call on 127.0.0.1 ' +
        '(BrowserEndToEndIT sets it together with HITTER_WEBHOOK_ALLOWED_TARGETS)',
    );
  }
  return port;
}

async function personAt(browser: Browser, who: Member): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: DESKTOP });
  await useLocale(context, 'en');
  const page = await context.newPage();
  await logIn(page, who);
  return page;
}

type Received = { headers: IncomingHttpHeaders; body: Buffer; at: number };

/** A label's webhook endpoint: answers 204 to every POST and keeps what it was sent, byte for byte. */
async function startReceiver(port: number): Promise<{ server: Server; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') received.push({ headers: request.headers, body: Buffer.concat(chunks), at: Date.now() });
      response.writeHead(request.method === 'POST' ? 204 : 405).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, received };
}

/**
 * The verifier a receiver runs (docs/prediction-jobs.md, "The webhook"): `Hitter-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>." + the raw body>`, keyed with the job's secret; compared in constant time; a `t` more than five
 * minutes from now is refused (a replay).
 */
function verifySignature(secret: string, header: string | undefined, body: Buffer, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return false;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > 300) return false;
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.`).update(body).digest();
  return signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
}

function header(received: Received, name: string): string | undefined {
  const value = received.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** A token by client credentials, as `curl -u "$ID:$SECRET" -d grant_type=client_credentials …/oauth2/token`. */
async function clientToken(api: APIRequestContext, clientId: string, clientSecret: string) {
  return api.post('/api/v1/auth/oauth2/token', {
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    form: { grant_type: 'client_credentials' },
  });
}

test('a partner gets approved, creates an API client, submits a batch with a signed webhook and reads the CSV; a burst gets 429', async ({
  page,
  browser,
  member,
  media,
}) => {
  test.setTimeout(420_000);
  const port = webhookPort();
  const organisation = `E2E Records ${randomUUID().slice(0, 8)}`;

  // The member asks for partner access from their account page.
  await logIn(page, member);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Partner API' }).click();
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Partner API' })).toBeVisible();
  await expect(page.getByTestId('partner-status')).toHaveText('Not requested');
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByLabel('Website (optional)').fill('https://records.example');
  await page.getByLabel('What will you use the API for?').fill('Scoring our back catalogue from our own tool.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByTestId('partner-status')).toHaveText('Pending');

  // The administrator approves it in the queue.
  const admin = await personAt(browser, administrator());
  await admin.getByTestId('admin-link').click();
  await admin.getByRole('link', { name: 'Partners' }).click();
  await expect(admin).toHaveURL(/\/admin\/partners$/);
  const pending = admin.getByTestId('pending').getByTestId('partner-request').filter({ hasText: member.email });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText('Scoring our back catalogue');
  await expectNoSeriousA11yViolations(admin);
  await screenshotEveryLocale(admin, 'admin-partners');
  await pending.getByLabel(/^Note to the member/).fill('Welcome, E2E');
  await pending.getByRole('button', { name: `Approve ${organisation}` }).click();
  await expect(admin.getByTestId('partners-done')).toHaveText(`${organisation} (${member.displayName}) is approved.`);
  await expect(admin.getByTestId('decided').getByTestId('partner-request').filter({ hasText: member.email })).toHaveCount(1);
  await admin.context().close();

  // Approved: the member creates a client with every scope and reads its secret from the dialog, once.
  await page.reload();
  await expect(page.getByTestId('partner-status')).toHaveText('Approved');
  await expect(page.getByTestId('partner-note')).toHaveText("Administrator's note: Welcome, E2E");
  await expect(page.getByTestId('token-url')).toHaveText(/\/api\/v1\/auth\/oauth2\/token$/);
  await page.getByLabel(/^Client name/).fill('Catalogue importer');
  for (const scope of [/^predictions:read/, /^predictions:write/, /^jobs:write/]) {
    await page.getByRole('checkbox', { name: scope }).check();
  }
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Create client' }).click();
  const dialog = page.getByRole('dialog', { name: 'The secret of Catalogue importer' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('you will not see it again');
  const clientId = (await dialog.getByTestId('issued-client-id').textContent()) ?? '';
  const clientSecret = (await dialog.getByTestId('issued-client-secret').textContent()) ?? '';
  expect(clientId).toMatch(/^hc_[A-Za-z0-9]{24}$/);
  expect(clientSecret).toMatch(/^hs_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: 'Copy the secret' }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientSecret);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('client-row').filter({ hasText: clientId });
  await expect(row).toContainText('Catalogue importer');
  await expect(row.getByTestId('client-state')).toHaveText('Active');
  await expect(page.getByText(clientSecret)).toHaveCount(0);

  // From here on a label's tool: no browser, no cookies, only the client's id and secret.
  const baseURL = test.info().project.use.baseURL;
  const tool = await playwrightRequest.newContext({ baseURL });
  const receiver = await startReceiver(port);
  try {
    const tokenAnswer = await clientToken(tool, clientId, clientSecret);
    expect(tokenAnswer.status(), await tokenAnswer.text()).toBe(200);
    const grant = (await tokenAnswer.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(grant.token_type.toLowerCase()).toBe('bearer');
    expect(grant.expires_in).toBeGreaterThan(0);
    expect(grant.scope.split(' ')).toEqual(expect.arrayContaining(['predictions:read', 'jobs:write']));
    const bearer = { Authorization: `Bearer ${grant.access_token}` };

    // A wrong secret: 401, and nothing that helps a guesser.
    const guessed = await clientToken(tool, clientId, `hs_${'A'.repeat(43)}`);
    expect(guessed.status()).toBe(401);
    expect(await guessed.text()).not.toContain(clientSecret);

    // The batch: the WAV and the MP3, one genre, the receiver as webhook (its secret comes once, in this answer).
    const form = new FormData();
    form.append('files', new Blob([readFileSync(media.wav)], { type: 'audio/wav' }), basename(media.wav));
    form.append('files', new Blob([readFileSync(media.mp3)], { type: 'audio/mpeg' }), basename(media.mp3));
    form.append('genre', 'POP');
    form.append('webhookUrl', `http://127.0.0.1:${port}/hitter-hook`);
    const submitted = await tool.post('/api/v1/prediction-jobs', { headers: bearer, multipart: form });
    expect(submitted.status(), await submitted.text()).toBe(202);
    const job = (await submitted.json()) as { id: string; total: number; webhookSecret?: string; links: { self: string; resultsCsv: string } };
    expect(job.total).toBe(2);
    expect(job.webhookSecret, 'the service makes the webhook secret and shows it once, at submission').toBeTruthy();
    const webhookSecret = job.webhookSecret ?? '';
    expect(submitted.headers().location ?? '').toMatch(new RegExp(`${job.links.self}$`));

    // Followed by polling, as a tool would.
    await expect
      .poll(async () => ((await (await tool.get(job.links.self, { headers: bearer })).json()) as { state: string }).state, {
        message: 'the batch job ends',
        timeout: 180_000,
        intervals: [1_000, 2_000],
      })
      .toBe('COMPLETED');
    const ended = (await (await tool.get(job.links.self, { headers: bearer })).json()) as { progress: { succeeded: number; failed: number } };
    expect(ended.progress).toMatchObject({ succeeded: 2, failed: 0 });

    // The signed webhook arrives, and verifies with the secret from the submission (and not with another).
    await expect.poll(() => receiver.received.length, { message: 'the webhook reaches the receiver', timeout: 60_000 }).toBeGreaterThan(0);
    const call = receiver.received[0]!;
    expect(header(call, 'Hitter-Event')).toBe('prediction-job.completed');
    expect(verifySignature(webhookSecret, header(call, 'Hitter-Signature'), call.body)).toBe(true);
    expect(verifySignature('not-the-secret-0123456789', header(call, 'Hitter-Signature'), call.body)).toBe(false);
    expect(verifySignature(webhookSecret, header(call, 'Hitter-Signature'), Buffer.concat([call.body, Buffer.from(' ')]))).toBe(false);
    const payload = JSON.parse(call.body.toString('utf8')) as { event: string; deliveryId: string; job: { id: string; state: string; succeeded: number } };
    expect(payload.event).toBe('prediction-job.completed');
    expect(payload.job).toMatchObject({ id: job.id, state: 'COMPLETED', succeeded: 2 });
    expect(header(call, 'Hitter-Delivery')).toBe(payload.deliveryId);

    // The results as CSV, through the API with the client's token.
    const csvAnswer = await tool.get(job.links.resultsCsv, { headers: bearer });
    expect(csvAnswer.status()).toBe(200);
    expect(csvAnswer.headers()['content-type']).toMatch(/^text\/csv/);
    const csv = (await csvAnswer.text()).replace(/^\uFEFF/, '');
    const [columns, ...lines] = csv.trim().split(/\r?\n/);
    expect(columns).toContain('position,file,title,artist,genre,state,hit_probability');
    expect(lines).toHaveLength(2);
    expect(csv).toContain(basename(media.wav));
    expect(csv).toContain(basename(media.mp3));
    expect(lines.every((line) => line.includes('SUCCEEDED'))).toBe(true);

    // The catalogue screen shows the same job (the client works for its member), its results and its webhook log.
    await page.goto('/catalogue');
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    const jobRow = page.locator(`[data-testid="job-row"][data-job-id="${job.id}"]`);
    await expect(jobRow).toContainText('Completed');
    await expectNoSeriousA11yViolations(page);
    await screenshotEveryLocale(page, 'catalogue');
    await jobRow.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/catalogue/jobs/${job.id}$`));
    await expect(page.getByTestId('job-state')).toHaveText('Completed');
    await expect(page.getByTestId('result-row')).toHaveCount(2);
    await expect(page.getByTestId('result-row').first().getByTestId('result-state')).toHaveText('Scored');
    await expect(page.getByTestId('webhook-state')).toHaveText('Delivered');
    await expect(page.locator('[data-testid="delivery-row"][data-outcome="DELIVERED"]')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    expect((await download).suggestedFilename()).toBe(`prediction-job-${job.id}.csv`);
    await expectNoSeriousA11yViolations(page);
    await screenshotEveryLocale(page, 'catalogue-job');

    // "Send again": a second signed call, marked as a redelivery in the log.
    await page.getByRole('button', { name: 'Send again' }).click();
    await expect(page.getByText('The webhook will be sent again.')).toBeVisible();
    await expect.poll(() => receiver.received.length, { message: 'the redelivered webhook', timeout: 60_000 }).toBeGreaterThan(1);
    const again = receiver.received[1]!;
    expect(verifySignature(webhookSecret, header(again, 'Hitter-Signature'), again.body)).toBe(true);
    expect((JSON.parse(again.body.toString('utf8')) as { job: { id: string } }).job.id).toBe(job.id);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('delivery-row')).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText('sent again on request')).toBeVisible();

    // The partner page counts the client's job.
    await page.goto('/partner');
    const usage = page.locator(`[data-testid="usage"][data-client-id="${clientId}"]`);
    await expect(usage.getByRole('heading', { name: 'Catalogue importer' })).toBeVisible();
    await expect(usage.getByTestId('usage-jobs')).toHaveText('1');
    await expect(row.getByText(/Last token: (?!never)/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotEveryLocale(page, 'partner');

    // Rotation: the old secret stops at once, the new one (shown once, in the dialog again) works.
    await row.getByRole('button', { name: 'New secret for Catalogue importer' }).click();
    await row.getByRole('button', { name: 'Yes, make a new secret' }).click();
    await expect(dialog).toBeVisible();
    const rotatedSecret = (await dialog.getByTestId('issued-client-secret').textContent()) ?? '';
    expect(rotatedSecret).toMatch(/^hs_/);
    expect(rotatedSecret).not.toBe(clientSecret);
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    expect((await clientToken(tool, clientId, clientSecret)).status()).toBe(401);
    const fresh = await clientToken(tool, clientId, rotatedSecret);
    expect(fresh.status(), await fresh.text()).toBe(200);
    const freshBearer = { Authorization: `Bearer ${((await fresh.json()) as { access_token: string }).access_token}` };

    // Last, since the member's own limit counts this burst too: past the client's rate limit the gateway answers 429
    // with Retry-After in whole seconds.
    let limited: { status: number; retryAfter?: string; contentType?: string; body: string } | undefined;
    for (let sent = 0; sent < 3_000 && !limited; sent += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => tool.get('/api/v1/prediction-jobs?size=1', { headers: freshBearer })),
      );
      const refused = answers.find((answer) => answer.status() === 429);
      for (const answer of answers) {
        expect([200, 429], `a burst call answered ${answer.status()}`).toContain(answer.status());
      }
      if (refused) {
        limited = {
          status: refused.status(),
          retryAfter: refused.headers()['retry-after'],
          contentType: refused.headers()['content-type'],
          body: await refused.text(),
        };
      }
      await Promise.all(answers.map((answer) => answer.dispose()));
    }
    expect(limited, 'a burst with one client token reaches the rate limit').toBeDefined();
    expect(limited?.retryAfter).toMatch(/^[1-9]\d*$/);
    expect(limited?.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(limited?.body ?? '{}').type).toMatch(/rate-limited$/);
  } finally {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
    await tool.dispose();
  }
});

test('the partner and catalogue screens fit a phone without sideways scrolling', { tag: '@phone' }, async ({ page, member }) => {
  await logIn(page, member);
  for (const path of ['/partner', '/catalogue']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await expect(page.getByRole('button', { name: 'Submit the batch' })).toBeVisible();
  await page.goto('/partner');
  await expect(page.getByRole('button', { name: 'Send request' })).toBeVisible();
});
