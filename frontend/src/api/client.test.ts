import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokens } from '../auth/tokens';
import { api, apiBlob, uploadWithProgress } from './client';
import { ApiError } from './problem';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const unauthorized = () => json({ type: 'https://hitter.dev/problems/unauthorized', status: 401 }, 401, 'application/problem+json');

function serve(handler: Handler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => handler(String(input), init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function bearerOf(init: RequestInit | undefined) {
  return new Headers(init?.headers).get('Authorization');
}

function callsTo(fetchMock: ReturnType<typeof serve>, path: string) {
  return fetchMock.mock.calls.filter(([url]) => String(url) === path);
}

describe('api', () => {
  beforeEach(() => tokens.signOut(false));
  afterEach(() => tokens.signOut(false));

  it('addsTheBearerTokenWhenSignedIn', async () => {
    tokens.accept({ accessToken: 'access-1', expiresIn: 300 });
    const fetchMock = serve(() => json({ ok: true }));
    await expect(api('/api/v1/things')).resolves.toEqual({ ok: true });
    expect(bearerOf(fetchMock.mock.calls[0]?.[1])).toBe('Bearer access-1');
  });

  it('sendsNoAuthorizationWhenSignedOut', async () => {
    const fetchMock = serve(() => json({}));
    await api('/api/v1/models');
    expect(bearerOf(fetchMock.mock.calls[0]?.[1])).toBeNull();
  });

  it('sendsJsonBodies', async () => {
    const fetchMock = serve(() => new Response(null, { status: 204 }));
    await expect(api('/api/v1/x', { method: 'PATCH', json: { title: 'a' } })).resolves.toBeUndefined();
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"title":"a"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('refreshesOnceOn401AndRetriesWithTheNewToken', async () => {
    tokens.accept({ accessToken: 'old', expiresIn: 300 });
    const fetchMock = serve((url, init) => {
      if (url === '/api/v1/auth/refresh') return json({ accessToken: 'new', tokenType: 'Bearer', expiresIn: 300 });
      return bearerOf(init) === 'Bearer new' ? json({ id: 1 }) : unauthorized();
    });
    await expect(api('/api/v1/predictions/1')).resolves.toEqual({ id: 1 });
    const refreshes = callsTo(fetchMock, '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(new Headers(refreshes[0]?.[1]?.headers).get('X-Hitter-Session')).toBe('cookie');
    expect(refreshes[0]?.[1]?.body).toBeUndefined();
    expect(tokens.bearer()).toBe('new');
  });

  it('signsOutWhenTheRetryIsRefusedToo', async () => {
    tokens.accept({ accessToken: 'old', expiresIn: 300 });
    const signedOut = vi.fn();
    const unsubscribe = tokens.subscribe((event) => event.type === 'signedOut' && signedOut());
    const fetchMock = serve((url) => (url === '/api/v1/auth/refresh' ? json({ accessToken: 'new', expiresIn: 300 }) : unauthorized()));
    const error = await api('/api/v1/predictions').catch((caught: unknown) => caught);
    unsubscribe();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(callsTo(fetchMock, '/api/v1/auth/refresh')).toHaveLength(1);
    expect(callsTo(fetchMock, '/api/v1/predictions')).toHaveLength(2);
    expect(tokens.current()).toBeUndefined();
    expect(signedOut).toHaveBeenCalled();
  });

  it('signsOutWhenTheRefreshIsRefused', async () => {
    tokens.accept({ accessToken: 'old', expiresIn: 300 });
    serve((url) =>
      url === '/api/v1/auth/refresh'
        ? json({ type: 'https://hitter.dev/problems/invalid-refresh-token', status: 401 }, 401, 'application/problem+json')
        : unauthorized(),
    );
    await expect(api('/api/v1/predictions')).rejects.toMatchObject({ status: 401, type: 'unauthorized' });
    expect(tokens.current()).toBeUndefined();
  });

  it('turnsAProblemIntoAnApiErrorWithFieldErrors', async () => {
    serve(() =>
      json(
        { type: 'https://hitter.dev/problems/email-taken', status: 409, errors: [{ field: 'email', detail: 'is already registered' }] },
        409,
        'application/problem+json',
      ),
    );
    const error = (await api('/api/v1/auth/signup', { method: 'POST', json: {} }).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('problem');
    expect(error.type).toBe('email-taken');
    expect(error.fieldErrors).toEqual({ email: 'is already registered' });
  });

  it('reportsANetworkFailureAsKindNetwork', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await api('/api/v1/models').catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });

  it('renewsAnExpiredTokenBeforeSending', async () => {
    tokens.accept({ accessToken: 'old', expiresIn: 300 });
    tokens.expireNow();
    const fetchMock = serve((url) => (url === '/api/v1/auth/refresh' ? json({ accessToken: 'fresh', expiresIn: 300 }) : json({})));
    await api('/api/v1/predictions');
    expect(bearerOf(callsTo(fetchMock, '/api/v1/predictions')[0]?.[1])).toBe('Bearer fresh');
  });

  it('fetchesBlobsWithTheToken', async () => {
    tokens.accept({ accessToken: 'access-1', expiresIn: 300 });
    const fetchMock = serve(() => new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }));
    const blob = await apiBlob('/api/v1/predictions/1/spectrogram.png');
    expect(blob.size).toBe(4);
    expect(bearerOf(fetchMock.mock.calls[0]?.[1])).toBe('Bearer access-1');
  });
});

/** Just enough of XMLHttpRequest to drive uploadWithProgress: each send() answers with the next scripted reply. */
class FakeXhr {
  static replies: { status: number; body: string; contentType: string }[] = [];
  static sent: FakeXhr[] = [];
  status = 0;
  responseText = '';
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: unknown;
  private responseType = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name.toLowerCase() === 'content-type' ? this.responseType : null;
  }
  abort() {
    this.onabort?.();
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
    const reply = FakeXhr.replies.shift();
    queueMicrotask(() => {
      if (!reply) {
        this.onerror?.();
        return;
      }
      this.upload.onprogress?.({ loaded: 500, total: 1000, lengthComputable: true } as ProgressEvent);
      this.upload.onprogress?.({ loaded: 1000, total: 1000, lengthComputable: true } as ProgressEvent);
      this.status = reply.status;
      this.responseText = reply.body;
      this.responseType = reply.contentType;
      this.onload?.();
    });
  }
}

describe('uploadWithProgress', () => {
  beforeEach(() => {
    tokens.signOut(false);
    FakeXhr.replies = [];
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => tokens.signOut(false));

  it('reportsTheBytesSentAndReturnsTheAnswer', async () => {
    tokens.accept({ accessToken: 'access-1', expiresIn: 300 });
    FakeXhr.replies.push({ status: 201, body: '{"id":"p1"}', contentType: 'application/json' });
    const progress: [number, number][] = [];
    const form = new FormData();
    form.append('genre', 'POP');
    const answer = await uploadWithProgress<{ id: string }>('/api/v1/predictions', form, (sent, total) => progress.push([sent, total]));
    expect(answer).toEqual({ id: 'p1' });
    expect(progress).toEqual([
      [500, 1000],
      [1000, 1000],
    ]);
    expect(FakeXhr.sent[0]?.headers.Authorization).toBe('Bearer access-1');
    expect(FakeXhr.sent[0]?.body).toBe(form);
  });

  it('turnsAProblemIntoAnApiError', async () => {
    FakeXhr.replies.push({
      status: 422,
      body: JSON.stringify({ type: 'https://hitter.dev/problems/audio-rejected', status: 422, reason: 'audio/too-short', errors: [{ field: 'audio', detail: 'too short' }] }),
      contentType: 'application/problem+json',
    });
    const error = (await uploadWithProgress('/api/v1/predictions', new FormData(), () => {}).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.type).toBe('audio-rejected');
    expect(error.reason).toBe('audio/too-short');
    expect(error.fieldErrors).toEqual({ audio: 'too short' });
  });

  it('refreshesOnceOn401AndSendsTheFormAgain', async () => {
    tokens.accept({ accessToken: 'old', expiresIn: 300 });
    serve(() => json({ accessToken: 'new', expiresIn: 300 }));
    FakeXhr.replies.push({ status: 401, body: '{"type":"https://hitter.dev/problems/unauthorized"}', contentType: 'application/problem+json' });
    FakeXhr.replies.push({ status: 201, body: '{"id":"p2"}', contentType: 'application/json' });
    await expect(uploadWithProgress('/api/v1/predictions', new FormData(), () => {})).resolves.toEqual({ id: 'p2' });
    expect(FakeXhr.sent.map((xhr) => xhr.headers.Authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('reportsANetworkFailureAsKindNetwork', async () => {
    const error = (await uploadWithProgress('/api/v1/predictions', new FormData(), () => {}).catch((caught: unknown) => caught)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('network');
  });

  it('stopsWhenCancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(uploadWithProgress('/api/v1/predictions', new FormData(), () => {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
