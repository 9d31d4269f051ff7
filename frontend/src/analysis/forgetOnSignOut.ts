import type { SessionTokens } from '../auth/tokens';
import { forgetAllTracks } from './localAudio';
import { clearDraft } from './upload/draft';

/**
 * Unreleased work stays in this tab only while its member is signed in: on sign-out, here or in another tab, the
 * held files and the analyse form's draft (title, artist, lyrics in session storage) are forgotten, so that the next
 * person at a shared screen finds neither.
 */
export function forgetUnreleasedWorkOnSignOut(sessionTokens: Pick<SessionTokens, 'subscribe'>): void {
  sessionTokens.subscribe((event) => {
    if (event.type === 'signedOut') {
      forgetAllTracks();
      clearDraft();
    }
  });
}
