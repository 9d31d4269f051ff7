import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The stable part of every HITTER problem type URI (docs/problems.md). */
export const PROBLEM_BASE = 'https://hitter.dev/problems/';

export type ApiErrorKind = 'problem' | 'network' | 'unexpected';

interface ApiErrorInit {
  status: number;
  kind: ApiErrorKind;
  type: string;
  title?: string;
  reason?: string;
  detail?: string;
  fieldErrors?: Record<string, string>;
  requestId?: string;
}

/**
 * Anything that went wrong talking to the API: a problem+json answer (`kind: 'problem'`), no answer at all
 * (`'network'`, status 0) or an answer that is not a problem (`'unexpected'`, e.g. an HTML proxy error page).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  /** The part after https://hitter.dev/problems/, e.g. 'validation-failed'; '' when there is none. */
  readonly type: string;
  readonly title?: string;
  readonly reason?: string;
  readonly detail?: string;
  /** field → the server's detail for it, as the client sent the field's name. */
  readonly fieldErrors: Record<string, string>;
  readonly requestId?: string;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title ?? `${init.kind} ${init.status} ${init.type}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.kind = init.kind;
    this.type = init.type;
    this.title = init.title;
    this.reason = init.reason;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, kind: 'network', type: 'network' });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Builds the error from a status, its Content-Type and the body text — shared by fetch and XHR. */
export function errorFromBody(status: number, contentType: string | null, text: string, requestIdHeader?: string | null): ApiError {
  let body: unknown;
  if (contentType && /json/i.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
    return new ApiError({ status, kind: 'unexpected', type: '', requestId: requestIdHeader ?? undefined });
  }
  const problem = body as Record<string, unknown>;
  const typeUri = problem.type as string;
  const type = typeUri.startsWith(PROBLEM_BASE) ? typeUri.slice(PROBLEM_BASE.length) : typeUri;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(problem.errors)) {
    for (const entry of problem.errors) {
      const field = str((entry as { field?: unknown })?.field);
      const detail = str((entry as { detail?: unknown })?.detail);
      // The first word about a field is the one people fix first.
      if (field && !(field in fieldErrors)) fieldErrors[field] = detail ?? '';
    }
  }
  return new ApiError({
    status: typeof problem.status === 'number' ? problem.status : status,
    kind: 'problem',
    type,
    title: str(problem.title),
    reason: str(problem.reason),
    detail: str(problem.detail),
    fieldErrors,
    requestId: str(problem.requestId) ?? requestIdHeader ?? undefined,
  });
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  return errorFromBody(response.status, response.headers.get('Content-Type'), text, response.headers.get('X-Request-Id'));
}

// Server field details are English sentences for developers; these ones have plain words in the catalogues.
const KNOWN_FIELD_DETAILS: Record<string, string> = {
  'is required': 'fieldProblem.byDetail.required',
  'is already registered': 'fieldProblem.byType.email-taken',
};

/** Plain words for the whole error, in the person's language: reason, then type, then the server's detail. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('problem.unknown', { ns: 'common' });
  if (error.kind === 'network') return t('problem.network', { ns: 'common' });
  if (error.kind === 'unexpected') return t('problem.unexpected', { ns: 'common', status: error.status });
  for (const key of [error.reason && `problem.reason.${error.reason}`, `problem.type.${error.type}`]) {
    if (key && t(key, { ns: 'common', defaultValue: '' }) !== '') return t(key, { ns: 'common' });
  }
  return error.detail ?? error.title ?? t('problem.unknown', { ns: 'common' });
}

/** Plain words for one field the server named, or undefined when it named another (or none). */
export function fieldMessage(error: unknown, field: string, t: TFunction): string | undefined {
  if (!isApiError(error) || !(field in error.fieldErrors)) return undefined;
  const detail = error.fieldErrors[field] ?? '';
  // Most specific first; the server's own sentence only when the catalogues have nothing better.
  const candidates = [
    `fieldProblem.byField.${error.type}.${field}`,
    error.reason && `problem.reason.${error.reason}`,
    KNOWN_FIELD_DETAILS[detail],
    `fieldProblem.byType.${error.type}`,
  ];
  for (const key of candidates) {
    if (key && t(key, { ns: 'common', defaultValue: '' }) !== '') return t(key, { ns: 'common' });
  }
  return detail !== '' ? detail : problemMessage(error, t);
}

/** `message(error)` and `field(error, name)` bound to the current language. */
export function useProblemText(): { message: (error: unknown) => string; field: (error: unknown, name: string) => string | undefined } {
  const { t } = useTranslation('common');
  return {
    message: (error) => problemMessage(error, t),
    field: (error, name) => fieldMessage(error, name, t),
  };
}
