import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { ApiError, errorFromBody, errorFromResponse, fieldMessage, networkError, problemMessage } from './problem';

const PROBLEM = 'application/problem+json';

function problem(body: Record<string, unknown>, status = 400) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': PROBLEM } });
}

describe('errorFromResponse', () => {
  it('turnsAProblemIntoAnApiErrorWithFieldErrors', async () => {
    const error = await errorFromResponse(
      problem({
        type: 'https://hitter.dev/problems/validation-failed',
        title: 'The request has invalid fields',
        status: 400,
        detail: 'password must be …',
        errors: [
          { field: 'password', detail: 'must be 10–128 characters' },
          { field: 'email', detail: 'is required' },
        ],
        requestId: 'req-1',
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('problem');
    expect(error.status).toBe(400);
    expect(error.type).toBe('validation-failed');
    expect(error.fieldErrors).toEqual({ password: 'must be 10–128 characters', email: 'is required' });
    expect(error.requestId).toBe('req-1');
  });

  it('keepsTheReason', async () => {
    const error = await errorFromResponse(
      problem({ type: 'https://hitter.dev/problems/audio-rejected', status: 422, reason: 'audio/too-short', errors: [{ field: 'audio', detail: 'too short' }] }, 422),
    );
    expect(error.type).toBe('audio-rejected');
    expect(error.reason).toBe('audio/too-short');
    expect(error.fieldErrors.audio).toBe('too short');
  });

  it('callsAnHtmlErrorPageUnexpected', async () => {
    const error = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    expect(error.kind).toBe('unexpected');
    expect(error.status).toBe(502);
    expect(error.type).toBe('');
  });

  it('readsTheRequestIdFromTheHeaderWhenTheBodyHasNone', () => {
    const error = errorFromBody(500, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/internal-error' }), 'hdr-7');
    expect(error.requestId).toBe('hdr-7');
  });
});

describe('plain words', () => {
  const en = createI18n('en').t;
  const ko = createI18n('ko').t;

  it('explainsAKnownReasonInBothLanguages', () => {
    const error = errorFromBody(422, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/audio-rejected', reason: 'audio/too-short', detail: 'x' }));
    expect(problemMessage(error, en)).toBe('The audio is too short to analyse.');
    expect(problemMessage(error, ko)).toBe('오디오가 너무 짧아 분석할 수 없습니다.');
  });

  it('explainsAKnownTypeInBothLanguages', () => {
    const error = errorFromBody(409, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/email-taken', errors: [{ field: 'email', detail: 'is already registered' }] }));
    expect(problemMessage(error, en)).toContain('already registered');
    expect(problemMessage(error, ko)).toContain('이미 가입된 이메일');
    expect(fieldMessage(error, 'email', en)).toBe('This email is already registered.');
    expect(fieldMessage(error, 'email', ko)).toBe('이미 가입된 이메일입니다.');
    expect(fieldMessage(error, 'password', en)).toBeUndefined();
  });

  it('explainsAWeakPasswordNextToThePasswordField', () => {
    const error = errorFromBody(400, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/validation-failed', errors: [{ field: 'password', detail: 'must be 10–128 characters …' }] }));
    expect(fieldMessage(error, 'password', en)).toMatch(/^This password does not meet the rule/);
    expect(fieldMessage(error, 'password', ko)).toMatch(/^비밀번호 규칙에 맞지 않습니다/);
  });

  it('fallsBackToTheServersDetailForAnUnknownType', () => {
    const error = errorFromBody(418, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/teapot', detail: 'I am a teapot' }));
    expect(problemMessage(error, en)).toBe('I am a teapot');
    const field = errorFromBody(400, PROBLEM, JSON.stringify({ type: 'https://hitter.dev/problems/validation-failed', errors: [{ field: 'title', detail: 'must be at most 200 characters' }] }));
    expect(fieldMessage(field, 'title', en)).toBe('must be at most 200 characters');
  });

  it('saysTheNetworkFailedInBothLanguages', () => {
    expect(problemMessage(networkError(), en)).toMatch(/could not be reached/);
    expect(problemMessage(networkError(), ko)).toMatch(/연결할 수 없습니다/);
    expect(problemMessage(new Error('boom'), en)).toBe('Something went wrong. Please try again.');
  });
});
