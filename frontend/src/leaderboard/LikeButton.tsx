import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { useOptimisticLike } from '../ui/useOptimisticLike';
import { setLiked, useRefreshLikes } from './api';

interface LikeButtonProps {
  id: string;
  /** The title the button's name says it likes. */
  title: string;
  likes: number;
  likedByMe: boolean;
}

/**
 * A like toggle (aria-pressed). The press shows at once; the server's counts then replace the guess (another
 * member may have liked it meanwhile), and a refused press is taken back with a word why.
 */
export function LikeButton({ id, title, likes, likedByMe }: LikeButtonProps) {
  const { t } = useTranslation('leaderboard');
  const format = useFormat();
  const problems = useProblemText();
  const refresh = useRefreshLikes();
  const { shown, error, toggle } = useOptimisticLike(
    likes,
    likedByMe,
    (liked) => setLiked(id, liked),
    () => refresh(id),
  );

  return (
    <span className="like">
      {/* The name is the button's own text (the title and the unit hidden from sight), so that what is seen is
          part of what is heard: "Like “Night Drive” 3 likes". */}
      <button
        type="button"
        className={`like__button${shown.liked ? '' : ' outline'}`}
        aria-pressed={shown.liked}
        onClick={() => void toggle()}
        data-testid="like-button"
      >
        <span aria-hidden="true">{shown.liked ? '♥' : '♡'}</span>{' '}
        <span className="visually-hidden">{t('like.label', { title })}</span>{' '}
        <span data-testid="like-count">{format.number(shown.likes)}</span>{' '}
        <span className="visually-hidden">{t('like.unit', { count: shown.likes })}</span>
      </button>
      {error !== undefined && (
        <small role="alert" className="field-error like__error">
          {t('like.failed')} {problems.message(error)}
        </small>
      )}
    </span>
  );
}
