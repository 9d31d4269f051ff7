import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import en from '../i18n/locales/en/common.json';
import { SystemStatusLine } from './SystemStatusLine';
import { HEALTH_URL } from './useSystemStatus';

function gatewayAnswers(status: number, body: unknown) {
  const fetchMock = vi.fn(async () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderLine() {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <SystemStatusLine />
    </I18nextProvider>,
  );
}

describe('SystemStatusLine', () => {
  it('showsUpWhenTheGatewayReportsUp', async () => {
    const fetchMock = gatewayAnswers(200, { status: 'UP' });
    renderLine();
    expect(await screen.findByText(en.status.up)).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith(HEALTH_URL, expect.anything());
  });

  it('showsDownWhenTheGatewayAnswers503', async () => {
    gatewayAnswers(503, { status: 'DOWN' });
    renderLine();
    expect(await screen.findByText(en.status.down)).toBeTruthy();
    expect(screen.queryByText(en.status.up)).toBeNull();
  });

  it('showsUnreachableWhenTheRequestFails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderLine();
    expect(await screen.findByText(en.status.unreachable)).toBeTruthy();
  });

  it('saysItIsCheckingUntilTheGatewayAnswers', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    renderLine();
    expect(screen.getByRole('status').textContent).toContain(en.status.checking);
  });
});
