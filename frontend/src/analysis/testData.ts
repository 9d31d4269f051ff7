import type { PredictionView, Segment } from './types';

/** Test-only builders: an API answer with everything a result shows, and a scriptable XMLHttpRequest. */

export function segmentsOf(contributions: number[], width = 30 / contributions.length): Segment[] {
  return contributions.map((contribution, i) => ({ fromSeconds: i * width, toSeconds: (i + 1) * width, contribution }));
}

export function aPrediction(over: Partial<PredictionView> = {}): PredictionView {
  return {
    id: '11111111-1111-1111-1111-111111111111',
    title: 'Night Drive',
    artist: 'Ann',
    genre: 'POP',
    createdAt: '2026-12-01T10:00:00Z',
    shared: false,
    hitProbability: 0.73,
    genrePercentile: 64,
    audio: {
      score: 0.61,
      segmentStartSeconds: 20,
      segments: segmentsOf([0.1, -0.2, 0.4, 0, 0.05, -0.1, 0.3, 0.2, -0.05, 0.1]),
      topSegments: [
        { fromSeconds: 6, toSeconds: 9, contribution: 0.5 },
        { fromSeconds: 18, toSeconds: 21, contribution: 0.3 },
        { fromSeconds: 0, toSeconds: 3, contribution: 0.1 },
      ],
    },
    lyrics: {
      score: 0.8,
      raised: [{ word: 'summer', contribution: 0.4, occurrences: 3 }],
      lowered: [{ word: 'alone', contribution: -0.2, occurrences: 1 }],
      unknownTokens: 4,
      truncated: false,
      unknownContribution: -0.03,
    },
    combination: { method: 'logistic regression', audioWeight: 0.4, lyricsWeight: 0.6, bias: 0.1, audioShare: 0.35 },
    model: {
      audio: { modelId: 'pop-audio-1', version: 'v1', demonstration: false, notice: null, trainingData: 'real songs' },
      lyrics: { modelId: 'pop-lyrics-1', version: 'v1', demonstration: false, notice: null, trainingData: 'real songs' },
    },
    timings: { decode: 1, features: 1, audioModel: 1, lyricsModel: 1, total: 4 },
    // ln(0.73 / 0.27) = 0.9946: the bias, the segments (0.8 in all), every known word and the unknown ones.
    logit: { value: 0.9946, bias: -0.0254, audio: 0.8, words: 0.25, unknownWords: -0.03, residual: 0 },
    referenceTrack: false,
    likes: 0,
    likedByMe: false,
    ownedByMe: true,
    references: [],
    links: { self: '/api/v1/predictions/1', spectrogram: '/api/v1/predictions/1/spectrogram.png' },
    ...over,
  };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function problem(status: number, type: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: `https://hitter.dev/problems/${type}`, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** What a FakeXhr does when sent: report progress, then answer, or fail like a dropped connection. */
export type XhrScript =
  | { progress?: [number, number][]; status: number; body: unknown; contentType?: string }
  | { progress?: [number, number][]; networkError: true }
  | { progress?: [number, number][]; never: true };

/**
 * A stand-in for XMLHttpRequest driven by a queue of scripts, one per request; records what was sent. The browser's
 * own XHR is not in jsdom's reach for multipart progress, and the server side is covered by the e2e suite.
 */
export function fakeXhr(scripts: XhrScript[]) {
  const sent: { url: string; body: FormData; headers: Record<string, string> }[] = [];
  class FakeXhr {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    private url = '';
    private headers: Record<string, string> = {};
    private contentType = 'application/json';
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return name.toLowerCase() === 'content-type' ? this.contentType : null;
    }
    abort() {
      queueMicrotask(() => this.onabort?.());
    }
    send(body: FormData) {
      sent.push({ url: this.url, body, headers: this.headers });
      const script = scripts.shift();
      setTimeout(() => {
        for (const [loaded, total] of script?.progress ?? []) {
          this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
        }
        if (script && 'never' in script) return;
        setTimeout(() => {
          if (!script || 'networkError' in script) {
            this.onerror?.();
            return;
          }
          this.status = script.status;
          this.contentType = script.contentType ?? (script.status >= 400 ? 'application/problem+json' : 'application/json');
          this.responseText = JSON.stringify(script.body);
          this.onload?.();
        }, 0);
      }, 0);
    }
  }
  return { FakeXhr, sent };
}
