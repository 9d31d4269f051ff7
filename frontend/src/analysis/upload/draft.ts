import type { Genre } from '../types';

/**
 * What the member has put into the analyse form, kept outside the page so that nothing is lost when the page goes
 * away and comes back: a lapsed session sends them to sign in and back, a failed upload leaves them on the form.
 * The file stays in memory only; the text is also kept in this tab's session storage so that a reload keeps it.
 */
export interface Draft {
  genre: Genre | null;
  audio: File | null;
  title: string;
  artist: string;
  lyrics: string;
  /** The name of the .txt/.lrc file the lyrics were read from, if they were. */
  lyricsSource: string | null;
}

const STORAGE_KEY = 'hitter.analyse.draft';

export const EMPTY_DRAFT: Draft = { genre: null, audio: null, title: '', artist: '', lyrics: '', lyricsSource: null };

let current: Draft | null = null;

export function readDraft(): Draft {
  if (current) return current;
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored) {
      const text = JSON.parse(stored) as Partial<Draft>;
      current = {
        ...EMPTY_DRAFT,
        genre: text.genre ?? null,
        title: typeof text.title === 'string' ? text.title : '',
        artist: typeof text.artist === 'string' ? text.artist : '',
        lyrics: typeof text.lyrics === 'string' ? text.lyrics : '',
        lyricsSource: typeof text.lyricsSource === 'string' ? text.lyricsSource : null,
      };
      return current;
    }
  } catch {
    // Storage off or unreadable: start empty.
  }
  return EMPTY_DRAFT;
}

export function saveDraft(draft: Draft): void {
  current = draft;
  try {
    const { audio: _file, ...text } = draft;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(text));
  } catch {
    // Kept in memory at least.
  }
}

/** After an analysis succeeded: the next visit starts a new track. */
export function clearDraft(): void {
  current = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
