import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import en from '../i18n/en.json';
import { SystemStatusLine } from './SystemStatusLine';
import { HEALTH_URL } from './useSystemStatus';

function gatewayAnswers(status: number, body: unknown) {
  const fetchMock = vi.fn(async () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('SystemStatusLine', () => {
  it('showsUpWhenTheGatewayReportsUp', async () => {
    const fetchMock = gatewayAnswers(200, { status: 'UP' });
    render(<SystemStatusLine />);
    expect(await screen.findByText(en['status.up'])).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith(HEALTH_URL, expect.anything());
  });

  it('showsDownWhenTheGatewayAnswers503', async () => {
    gatewayAnswers(503, { status: 'DOWN' });
    render(<SystemStatusLine />);
    expect(await screen.findByText(en['status.down'])).toBeTruthy();
    expect(screen.queryByText(en['status.up'])).toBeNull();
  });

  it('showsUnreachableWhenTheRequestFails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    render(<SystemStatusLine />);
    expect(await screen.findByText(en['status.unreachable'])).toBeTruthy();
  });

  it('saysItIsCheckingUntilTheGatewayAnswers', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})));
    render(<SystemStatusLine />);
    expect(screen.getByRole('status').textContent).toContain(en['status.checking']);
  });
});
