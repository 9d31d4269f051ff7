import { describe, expect, it } from 'vitest';
import { checkAudioFile, checkTrackForm, MAX_LABEL_LENGTH, MAX_UPLOAD_BYTES } from './uploadChecks';

function file(name: string, size: number, type = ''): File {
  const f = new File([], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('the checks the analyse form makes before sending', () => {
  it('takes the formats the server reads, by extension or by type', () => {
    for (const name of ['a.wav', 'b.AIFF', 'c.aif', 'd.mp3', 'e.flac', 'f.ogg', 'g.opus', 'h.m4a']) {
      expect(checkAudioFile(file(name, 1000)), name).toBeNull();
    }
    expect(checkAudioFile(file('no-extension', 1000, 'audio/mpeg'))).toBeNull();
  });

  it('refuses an empty file before uploading it', () => {
    expect(checkAudioFile(file('song.mp3', 0, 'audio/mpeg'))).toEqual({ key: 'audio.empty' });
  });

  it('refuses what is obviously not audio', () => {
    expect(checkAudioFile(file('notes.txt', 20, 'text/plain'))).toEqual({ key: 'audio.notAudio' });
    expect(checkAudioFile(file('cover.png', 20, 'image/png'))).toEqual({ key: 'audio.notAudio' });
  });

  it('leaves a text file named .mp3 to the server, which reads its bytes', () => {
    expect(checkAudioFile(file('fake.mp3', 20, 'audio/mpeg'))).toBeNull();
  });

  it('refuses a file over the server limit, saying the limit', () => {
    expect(checkAudioFile(file('long.wav', MAX_UPLOAD_BYTES + 1, 'audio/wav'))).toEqual({
      key: 'audio.tooBig',
      values: { max: 60 },
    });
    expect(checkAudioFile(file('ok.wav', MAX_UPLOAD_BYTES, 'audio/wav'))).toBeNull();
  });

  it('asks for a genre and a file', () => {
    const errors = checkTrackForm({ genre: null, audio: null, title: '', artist: '', lyrics: '' });
    expect(errors.genre).toEqual({ key: 'genre.required' });
    expect(errors.audio).toEqual({ key: 'audio.required' });
  });

  it('refuses a title or artist longer than the server takes, next to that field', () => {
    const long = 'x'.repeat(MAX_LABEL_LENGTH + 1);
    const errors = checkTrackForm({
      genre: 'POP',
      audio: file('a.mp3', 10),
      title: long,
      artist: 'x'.repeat(MAX_LABEL_LENGTH),
      lyrics: '',
    });
    expect(errors).toEqual({ title: { key: 'label.tooLong', values: { max: 200 } } });
  });

  it('refuses lyrics past the length the model reads', () => {
    const errors = checkTrackForm({ genre: 'BALLAD', audio: file('a.mp3', 10), title: '', artist: '', lyrics: 'a'.repeat(20_001) });
    expect(errors.lyrics).toEqual({ key: 'lyrics.tooLong', values: { max: 20000 } });
  });

  it('finds nothing wrong with a complete form', () => {
    expect(checkTrackForm({ genre: 'DANCE', audio: file('a.flac', 10), title: 't', artist: 'a', lyrics: 'la la' })).toEqual({});
  });
});
