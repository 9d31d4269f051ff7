import { beforeEach, describe, expect, it } from 'vitest';
import type { TokenEvent } from '../auth/tokens';
import { forgetUnreleasedWorkOnSignOut } from './forgetOnSignOut';
import { forgetAllTracks, heldTrack, holdTrack } from './localAudio';
import { clearDraft, readDraft, saveDraft, EMPTY_DRAFT } from './upload/draft';

function fakeTokens() {
  const listeners: ((event: TokenEvent) => void)[] = [];
  return {
    subscribe(listener: (event: TokenEvent) => void) {
      listeners.push(listener);
      return () => undefined;
    },
    emit(event: TokenEvent) {
      for (const listener of listeners) listener(event);
    },
  };
}

describe('forgetUnreleasedWorkOnSignOut', () => {
  beforeEach(() => {
    forgetAllTracks();
    clearDraft();
  });

  it('forgetsTheHeldFilesAndTheDraftWhenTheMemberLogsOut', () => {
    const tokens = fakeTokens();
    forgetUnreleasedWorkOnSignOut(tokens);
    const audio = new File([new Uint8Array(8)], 'unreleased.mp3', { type: 'audio/mpeg' });
    holdTrack('p1', { audio, genre: 'POP', title: 'Secret', artist: 'Me', lyrics: 'words' });
    saveDraft({ ...EMPTY_DRAFT, title: 'Secret demo', lyrics: '아직 발표 안 한 가사' });

    tokens.emit({ type: 'signedOut', reason: 'logout', fromOtherTab: true });

    expect(heldTrack('p1')).toBeUndefined();
    expect(sessionStorage.getItem('hitter.analyse.draft')).toBeNull();
    expect(readDraft().lyrics).toBe('');
  });

  it('keepsThemWhenTheSessionEndsByItselfSoTheMemberFindsThemAfterSigningInAgain', () => {
    const tokens = fakeTokens();
    forgetUnreleasedWorkOnSignOut(tokens);
    const audio = new File([new Uint8Array(8)], 'unreleased.mp3', { type: 'audio/mpeg' });
    holdTrack('p1', { audio, genre: 'POP', title: 'Secret', artist: 'Me', lyrics: 'words' });
    saveDraft({ ...EMPTY_DRAFT, title: 'Secret demo' });

    tokens.emit({ type: 'signedOut', reason: 'ended', fromOtherTab: false });

    expect(heldTrack('p1')).toBeDefined();
    expect(readDraft().title).toBe('Secret demo');
  });

  it('keepsThemWhileTheTokenIsOnlyRenewed', () => {
    const tokens = fakeTokens();
    forgetUnreleasedWorkOnSignOut(tokens);
    const audio = new File([new Uint8Array(8)], 'unreleased.mp3', { type: 'audio/mpeg' });
    holdTrack('p1', { audio, genre: 'POP', title: 'Secret', artist: 'Me', lyrics: 'words' });
    saveDraft({ ...EMPTY_DRAFT, title: 'Secret demo' });

    tokens.emit({ type: 'token', token: { value: 'x', expiresAt: Date.now() + 60_000 } as never, fromOtherTab: false });

    expect(heldTrack('p1')).toBeDefined();
    expect(readDraft().title).toBe('Secret demo');
  });
});
