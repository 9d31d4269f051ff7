import { useState } from 'react';

/**
 * A like toggle's state, shared by every like button: the press shows at once, the server's counts then replace
 * the guess (another member may have liked meanwhile), and a refused press is taken back, its failure kept for the
 * button to say why.
 *
 * @param send PUT (true) or DELETE (false) of the like
 * @param refresh reads the server's counts again; the guess stays until they are in
 */
export function useOptimisticLike(
  likes: number,
  likedByMe: boolean,
  send: (liked: boolean) => Promise<unknown>,
  refresh: () => Promise<unknown>,
) {
  const [guess, setGuess] = useState<{ liked: boolean; likes: number } | null>(null);
  const [error, setError] = useState<unknown>();
  const shown = guess ?? { liked: likedByMe, likes };

  async function toggle() {
    const liked = !shown.liked;
    setError(undefined);
    setGuess({ liked, likes: Math.max(0, shown.likes + (liked ? 1 : -1)) });
    try {
      await send(liked);
    } catch (failure) {
      setError(failure);
    }
    try {
      await refresh();
    } finally {
      setGuess(null);
    }
  }

  return { shown, error, toggle };
}
