import { tokens } from '../auth/tokens';
import { ApiError, errorFromBody, errorFromResponse, networkError } from './problem';

export type ApiInit = RequestInit & { json?: unknown };

/** A bearer-carrying request; the second argument says whether it already went through a refresh. */
async function send(path: string, init: ApiInit, bearer: string | undefined): Promise<Response> {
  const { json, headers: given, ...rest } = init;
  const headers = new Headers(given);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (bearer && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${bearer}`);
  try {
    return await fetch(path, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
}

/**
 * Sends the request with the current access token, renewing it first when it is about to lapse; a 401
 * answer leads to one refresh and one retry, a second 401 ends the session.
 */
async function authorised(path: string, init: ApiInit): Promise<Response> {
  let token = tokens.current();
  if (token && token.expiresAt <= Date.now()) token = await renewOrUndefined(token.value);
  const response = await send(path, init, token?.value);
  if (response.status !== 401 || !token) return response;
  const renewed = await renewOrUndefined(token.value);
  if (!renewed) return response;
  const retried = await send(path, init, renewed.value);
  if (retried.status === 401) tokens.signOut();
  return retried;
}

async function renewOrUndefined(stale: string) {
  try {
    return await tokens.refresh(stale);
  } catch {
    throw networkError();
  }
}

/** JSON from the API, `undefined` for 204; throws ApiError for anything else. */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const response = await authorised(path, init);
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: response.status, kind: 'unexpected', type: '' });
  }
}

/** A binary answer (the spectrogram PNG needs the token, so an <img src> cannot fetch it itself). */
export async function apiBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', '*/*');
  const response = await authorised(path, { ...init, headers });
  if (!response.ok) throw await errorFromResponse(response);
  return response.blob();
}

function xhrOnce<T>(
  path: string,
  form: FormData,
  bearer: string | undefined,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; value?: T; error?: ApiError }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.upload.onprogress = (event: ProgressEvent) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : 0);
    };
    xhr.onload = () => {
      const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
      if (xhr.status >= 200 && xhr.status < 300) {
        if (xhr.status === 204 || text === '') return resolve({ status: xhr.status });
        try {
          return resolve({ status: xhr.status, value: JSON.parse(text) as T });
        } catch {
          return resolve({ status: xhr.status, error: new ApiError({ status: xhr.status, kind: 'unexpected', type: '' }) });
        }
      }
      resolve({
        status: xhr.status,
        error: errorFromBody(xhr.status, xhr.getResponseHeader('Content-Type'), text, xhr.getResponseHeader('X-Request-Id')),
      });
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

/**
 * POSTs a multipart form with a real progress report of the bytes sent (fetch cannot report upload
 * progress). Same token, refresh-once-on-401-then-resend and ApiError mapping as `api`.
 */
export async function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  let token = tokens.current();
  if (token && token.expiresAt <= Date.now()) token = await renewOrUndefined(token.value);
  let outcome = await xhrOnce<T>(path, form, token?.value, onProgress, signal);
  if (outcome.status === 401 && token) {
    const renewed = await renewOrUndefined(token.value);
    if (renewed) {
      outcome = await xhrOnce<T>(path, form, renewed.value, onProgress, signal);
      if (outcome.status === 401) tokens.signOut();
    }
  }
  if (outcome.error) throw outcome.error;
  return outcome.value as T;
}
