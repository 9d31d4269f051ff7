import { describe, expect, it } from 'vitest';
import { placeUploadProblem } from './uploadProblems';

const problem = (over: Partial<Parameters<typeof placeUploadProblem>[0]>) => ({
  kind: 'problem' as const,
  status: 400,
  type: 'validation-failed',
  fieldErrors: {},
  ...over,
});

describe('where a refused upload is explained', () => {
  it('puts a file that is too short next to the audio field', () => {
    const placed = placeUploadProblem(problem({ status: 422, type: 'audio-rejected', reason: 'audio/too-short', fieldErrors: { audio: 'The audio is 3.0 s long; at least 10 s are needed.' } }));
    expect(placed.fields.audio?.key).toBe('problem.audio.too-short');
    expect(placed.form).toBeUndefined();
  });

  it('explains a text file named .mp3 as not audio', () => {
    const placed = placeUploadProblem(problem({ status: 415, type: 'audio-not-supported', reason: 'audio/not-audio', fieldErrors: { audio: 'x' } }));
    expect(placed.fields.audio?.key).toBe('problem.audio.not-audio');
  });

  it('explains damaged and too big files', () => {
    expect(placeUploadProblem(problem({ status: 422, type: 'audio-rejected', reason: 'audio/damaged' })).fields.audio?.key).toBe('problem.audio.damaged');
    expect(placeUploadProblem(problem({ status: 413, type: 'payload-too-large', fieldErrors: { audio: 'too big' } })).fields.audio?.key).toBe('problem.audio.too-large');
  });

  it('puts lyrics problems next to the lyrics, also when they came as a file', () => {
    const placed = placeUploadProblem(problem({ status: 422, type: 'lyrics-rejected', reason: 'lyrics/too-long', fieldErrors: { lyricsFile: 'x' } }));
    expect(placed.fields.lyrics?.key).toBe('problem.lyrics.too-long');
  });

  it('puts an over-long title next to the title, in the words the form itself uses', () => {
    const placed = placeUploadProblem(problem({ fieldErrors: { title: 'must be at most 200 characters' } }));
    expect(placed.fields.title).toEqual({ key: 'label.tooLong', values: { max: 200 } });
  });

  it('falls back to the server words for a field problem it has no words for', () => {
    const placed = placeUploadProblem(problem({ fieldErrors: { artist: 'is strange' } }));
    expect(placed.fields.artist).toEqual({ key: 'problem.field', detail: 'is strange' });
  });

  it('uses the plain reason for an unknown reason of a known type', () => {
    const placed = placeUploadProblem(problem({ status: 422, type: 'audio-rejected', reason: 'audio/something-new', detail: 'Odd.' }));
    expect(placed.fields.audio).toEqual({ key: 'problem.audio.rejected', detail: 'Odd.' });
  });

  it('says a lost connection above the form, where retrying is', () => {
    const placed = placeUploadProblem({ kind: 'network', status: 0, type: '', fieldErrors: {} });
    expect(placed.form?.key).toBe('problem.network');
    expect(placed.fields).toEqual({});
  });

  it('says an ended session above the form', () => {
    expect(placeUploadProblem(problem({ status: 401, type: 'unauthorized' })).form?.key).toBe('problem.session');
  });

  it('says busy with when to retry', () => {
    expect(placeUploadProblem(problem({ status: 503, type: 'analyses-busy' })).form?.key).toBe('problem.busy');
    expect(placeUploadProblem(problem({ status: 429, type: 'analysis-limit-reached' })).form?.key).toBe('problem.ownLimit');
  });

  it('keeps a field the form does not show above the form, with the server detail', () => {
    const placed = placeUploadProblem(problem({ fieldErrors: { somethingElse: 'is odd' }, detail: 'somethingElse is odd.' }));
    expect(placed.form).toEqual({ key: 'problem.other', detail: 'somethingElse is odd.' });
  });
});
