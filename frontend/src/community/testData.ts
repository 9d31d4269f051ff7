import { vi } from 'vitest';
import type { AnalysisSnapshot, Comment, Post, PostSummary } from './types';

/** Test-only builders of community answers, and a fetch stand-in routed by method and path. */

export const POST_ID = '22222222-2222-2222-2222-222222222222';
export const PREDICTION_ID = '11111111-1111-1111-1111-111111111111';

export function aSummary(over: Partial<PostSummary> = {}): PostSummary {
  return {
    id: POST_ID,
    title: 'Does the chorus land?',
    excerpt: 'I moved the hook earlier…',
    category: 'FEEDBACK',
    authorId: 'a1',
    authorName: 'Ann',
    authorDeleted: false,
    createdAt: '2026-12-01T10:00:00Z',
    editedAt: null,
    views: 12,
    likes: 3,
    likedByMe: false,
    comments: 2,
    hasAnalysis: true,
    mine: false,
    ...over,
  };
}

export function aSnapshot(over: Partial<AnalysisSnapshot> = {}): AnalysisSnapshot {
  return {
    predictionId: PREDICTION_ID,
    title: 'Night Drive',
    artist: 'Ann',
    genre: 'POP',
    hitProbability: 0.73,
    audioProbability: 0.61,
    lyricsProbability: 0.8,
    topSegments: [{ fromSeconds: 26, toSeconds: 29, contribution: 0.5 }],
    modelNotice: 'Demonstration model trained on synthetic songs.',
    demonstration: true,
    modelSetVersion: 'v1/v1',
    link: `/analyses/${PREDICTION_ID}`,
    takenAt: '2026-12-01T09:00:00Z',
    ...over,
  };
}

export function aPost(over: Partial<Post> = {}): Post {
  return { ...aSummary(), body: 'Listen from **0:26**.\n\n- hook\n- verse', analysis: aSnapshot(), ...over };
}

export function aComment(over: Partial<Comment> = {}): Comment {
  return {
    id: '33333333-3333-3333-3333-333333333333',
    postId: POST_ID,
    parentId: null,
    authorId: 'b1',
    authorName: 'Bo',
    authorDeleted: false,
    body: 'Love the *hook*',
    createdAt: '2026-12-01T11:00:00Z',
    editedAt: null,
    deleted: false,
    likes: 0,
    likedByMe: false,
    mine: false,
    replies: [],
    ...over,
  };
}

export type Route = [method: string, path: RegExp, answer: (url: URL, body: unknown) => Response | Promise<Response>];

/**
 * Stubs fetch: the first route whose method and path (with its query) match answers; anything else is a 404 problem,
 * so an unexpected request shows up as a failure on screen rather than passing quietly.
 */
export function stubRoutes(routes: Route[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://hitter.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    for (const [m, path, answer] of routes) {
      if (m === method && path.test(url.pathname + url.search)) return answer(url, body);
    }
    return new Response(JSON.stringify({ type: 'https://hitter.dev/problems/not-found', status: 404 }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    /** The requests sent as [METHOD, path?query, JSON body]. */
    calls: () =>
      fetchMock.mock.calls.map(([input, init]) => {
        const url = new URL(String(input), 'http://hitter.test');
        return [(init?.method ?? 'GET').toUpperCase(), url.pathname + url.search, typeof init?.body === 'string' ? JSON.parse(init.body) : undefined] as const;
      }),
  };
}

export const noContent = () => new Response(null, { status: 204 });
