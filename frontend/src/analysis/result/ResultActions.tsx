import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import { Button, Notice, TextField } from '../../ui';
import { useChangePrediction, useDeletePrediction } from '../api';
import type { PredictionView } from '../types';
import { MAX_LABEL_LENGTH } from '../upload/uploadChecks';

type Open = 'none' | 'rename' | 'delete';

/** Share or unshare, rename, delete (after a confirmation), and "analyse again as another genre" while the file is held. */
export function ResultActions({ view, canAnalyseAgain }: { view: PredictionView; canAnalyseAgain: boolean }) {
  const { t } = useTranslation('analysis');
  const problems = useProblemText();
  const navigate = useNavigate();
  const change = useChangePrediction(view.id);
  const remove = useDeletePrediction();
  const [open, setOpen] = useState<Open>('none');
  const [title, setTitle] = useState(view.title ?? '');
  const [titleError, setTitleError] = useState<string>();
  const [artist, setArtist] = useState(view.artist ?? '');
  const [artistError, setArtistError] = useState<string>();
  const [done, setDone] = useState<string>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const renameOpener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open === 'delete') confirmButton.current?.focus();
  }, [open]);

  function toggleShared() {
    setDone(undefined);
    change.mutate(
      { shared: !view.shared },
      { onSuccess: (changed) => setDone(t(changed.shared ? 'actions.sharedNow' : 'actions.unsharedNow')) },
    );
  }

  function rename(event: FormEvent) {
    event.preventDefault();
    const tooLong = t('messages.label.tooLong', { max: MAX_LABEL_LENGTH });
    setTitleError(title.length > MAX_LABEL_LENGTH ? tooLong : undefined);
    setArtistError(artist.length > MAX_LABEL_LENGTH ? tooLong : undefined);
    if (title.length > MAX_LABEL_LENGTH || artist.length > MAX_LABEL_LENGTH) return;
    change.mutate(
      { title: title.trim(), artist: artist.trim() },
      {
        onSuccess: () => {
          setOpen('none');
          setDone(t('actions.renamed'));
          requestAnimationFrame(() => renameOpener.current?.focus());
        },
        onError: (error) => {
          setTitleError(problems.field(error, 'title'));
          setArtistError(problems.field(error, 'artist'));
        },
      },
    );
  }

  function confirmDelete() {
    remove.mutate(view.id, { onSuccess: () => navigate('/analyses', { state: { deleted: view.title ?? '' } }) });
  }

  const changeError =
    change.error && !(isApiError(change.error) && ('title' in change.error.fieldErrors || 'artist' in change.error.fieldErrors))
      ? change.error
      : null;

  return (
    <div className="result-actions">
      <p className="result-actions__share" data-testid="share-state">
        {view.shared ? t('actions.isShared', { genre: t(`genre.${view.genre}`) }) : t('actions.isPrivate')}
        {view.shared && (view.publication?.audio || view.publication?.lyrics) && ` ${t('actions.unshareUnpublishes')}`}
      </p>
      <div className="result-actions__buttons">
        <Button variant="secondary" busy={change.isPending && change.variables?.shared !== undefined} onClick={toggleShared} data-testid="share-toggle">
          {view.shared ? t('actions.unshare') : t('actions.share')}
        </Button>
        <button
          type="button"
          ref={renameOpener}
          className="secondary"
          aria-expanded={open === 'rename'}
          onClick={() => {
            setTitle(view.title ?? '');
            setTitleError(undefined);
            setArtist(view.artist ?? '');
            setArtistError(undefined);
            setOpen(open === 'rename' ? 'none' : 'rename');
          }}
        >
          {t('actions.rename')}
        </button>
        <Link role="button" className="secondary outline" to={`/community/new?analysis=${encodeURIComponent(view.id)}`} data-testid="share-to-community">
          {t('share.action', { ns: 'community' })}
        </Link>
        {canAnalyseAgain && (
          <Link role="button" className="secondary outline" to={`/analyse?again=${encodeURIComponent(view.id)}`} data-testid="analyse-again">
            {t('actions.again')}
          </Link>
        )}
        <Button variant="danger" aria-expanded={open === 'delete'} onClick={() => setOpen(open === 'delete' ? 'none' : 'delete')}>
          {t('actions.delete')}
        </Button>
      </div>

      {open === 'rename' && (
        <form className="result-actions__rename" onSubmit={rename} noValidate>
          <TextField
            name="title"
            label={t('actions.newTitle')}
            value={title}
            autoFocus
            error={titleError}
            hint={t('analyse.labelHint', { max: MAX_LABEL_LENGTH })}
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextField
            name="artist"
            label={t('actions.newArtist')}
            value={artist}
            error={artistError}
            hint={t('analyse.labelHint', { max: MAX_LABEL_LENGTH })}
            onChange={(event) => setArtist(event.target.value)}
          />
          <div className="result-actions__buttons">
            <Button type="submit" busy={change.isPending}>
              {t('actions.save')}
            </Button>
            <Button variant="plain" onClick={() => setOpen('none')}>
              {t('actions.keep')}
            </Button>
          </div>
        </form>
      )}

      {open === 'delete' && (
        <section className="result-actions__confirm" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">{t('actions.confirmDelete', { title: view.title ?? t('untitled') })}</p>
          <div className="result-actions__buttons">
            <button
              type="button"
              ref={confirmButton}
              className="danger"
              disabled={remove.isPending}
              aria-busy={remove.isPending || undefined}
              onClick={confirmDelete}
              data-testid="confirm-delete"
            >
              {t('actions.deleteForGood')}
            </button>
            <Button variant="plain" onClick={() => setOpen('none')}>
              {t('actions.keepIt')}
            </Button>
          </div>
        </section>
      )}

      {done && !changeError && (
        <p role="status" className="result-actions__done">
          {done}
        </p>
      )}
      {changeError && <Notice tone="error">{problems.message(changeError)}</Notice>}
      {remove.error && <Notice tone="error">{problems.message(remove.error)}</Notice>}
    </div>
  );
}
