import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { useFormat } from '../../i18n/useFormat';
import { useOptimisticLike } from '../../ui/useOptimisticLike';

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
 * A heart drawn, not typed: a ♥ character would be visible text missing from the button's name, which axe reports
 * (label-content-name-mismatch) and speech-input users trip over.
 */
function Heart({ filled }: { filled: boolean }) {
  return (
    <svg className="like__heart" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M12 21s-7.5-4.6-9.6-9.2C1 8.6 3 5 6.5 5c2 0 3.4 1.1 4.2 2.4h2.6C14.1 6.1 15.5 5 17.5 5 21 5 23 8.6 21.6 11.8 19.5 16.4 12 21 12 21z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
      />
    </svg>
  );
}

/**
 * A like toggle (aria-pressed), as the leaderboard's: the press shows at once, the server's count then replaces the
 * guess, and a refused press is taken back with a word why.
 */
export function LikeToggle({ label, likes, likedByMe, send, refresh, testId = 'like-toggle' }: LikeToggleProps) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const { shown, error, toggle } = useOptimisticLike(likes, likedByMe, send, refresh);

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
        <Heart filled={shown.liked} /> <span data-testid="like-count">{format.number(shown.likes)}</span>
      </button>
      {error !== undefined && (
        <small role="alert" className="field-error like__error">
          {t('like.failed')} {problems.message(error)}
        </small>
      )}
    </span>
  );
}
