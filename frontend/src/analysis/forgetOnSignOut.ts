import type { SessionTokens } from '../auth/tokens';
import { forgetAllTracks } from './localAudio';
import { clearPostDraft } from '../community/editor/draft';
import { clearDraft } from './upload/draft';

/**
 * Unreleased work stays in this tab only while its member is signed in: on logout, here or in another tab, the
 * held files, the analyse form's draft (title, artist, lyrics in session storage) and an unsent community post are
 * forgotten, so that the next person at a shared screen finds none of them. A session that ended by itself (expired, refused) keeps them: the member
 * signs in again and finds the form as they left it.
 */
export function forgetUnreleasedWorkOnSignOut(sessionTokens: Pick<SessionTokens, 'subscribe'>): void {
  sessionTokens.subscribe((event) => {
    if (event.type === 'signedOut' && event.reason === 'logout') {
      forgetAllTracks();
      clearDraft();
      clearPostDraft();
    }
  });
}
