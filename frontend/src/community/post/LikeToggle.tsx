import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { useFormat } from '../../i18n/useFormat';

interface LikeToggleProps {
  /** The button's accessible name, with the count (e.g. "Like this post (3 likes)"). */
  label: (likes: number) => string;
  likes: number;
  likedByMe: boolean;
  /** PUT or DELETE …/like. */
  send: (liked: boolean) => Promise<void>;
  /** Reads the server's counts again; the guess stays until they are in. */
  refresh: () => Promise<unknown>;
  testId?: string;
}

/**
 * A like toggle (aria-pressed), as the leaderboard's: the press shows at once, the server's count then replaces the
 * guess, and a refused press is taken back with a word why.
 */
export function LikeToggle({ label, likes, likedByMe, send, refresh, testId = 'like-toggle' }: LikeToggleProps) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
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

  return (
    <span className="like">
      <button
        type="button"
        className={`like__button${shown.liked ? '' : ' outline'}`}
        aria-pressed={shown.liked}
        aria-label={label(shown.likes)}
        onClick={() => void toggle()}
        data-testid={testId}
      >
        <span aria-hidden="true">{shown.liked ? '♥' : '♡'}</span> <span data-testid="like-count">{format.number(shown.likes)}</span>
      </button>
      {error !== undefined && (
        <small role="alert" className="field-error like__error">
          {t('like.failed')} {problems.message(error)}
        </small>
      )}
    </span>
  );
}
