import type { ReactNode } from 'react';

/** Where the search API starts and ends a match inside `highlights` (control characters, never HTML). */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

export interface HighlightPiece {
  text: string;
  marked: boolean;
}

/**
 * Splits text carrying match markers into plain and marked runs. Markers are counted, not trusted: a nested start
 * stays inside the one mark, a stray end is dropped, and an unclosed start marks to the end — so no input makes
 * the markers themselves show, and adjacent runs of the same kind are joined.
 */
export function highlightPieces(text: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let depth = 0;
  let run = '';
  const flush = (marked: boolean) => {
    if (run === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.marked === marked) last.text += run;
    else pieces.push({ text: run, marked });
    run = '';
  };
  for (const char of text) {
    if (char === MATCH_START) {
      flush(depth > 0);
      depth += 1;
    } else if (char === MATCH_END) {
      flush(depth > 0);
      depth = Math.max(0, depth - 1);
    } else {
      run += char;
    }
  }
  flush(depth > 0);
  return pieces;
}

/** Text without the markers (for an accessible name or a title attribute). */
export function withoutMarkers(text: string): string {
  return text.split(MATCH_START).join('').split(MATCH_END).join('');
}

/** A search result's text with each match in a <mark>, built as elements: what a member wrote never becomes markup. */
export function Highlighted({ text }: { text: string }): ReactNode {
  return highlightPieces(text).map((piece, index) =>
    piece.marked ? (
      <mark key={index} data-testid="search-match">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}
