import { useId, useRef, useState, type FormEvent } from 'react';
import { useNeedsVerification, VerifyFirstNotice } from '../auth/VerifyFirstNotice';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import type { HeldTrack } from '../analysis/localAudio';
import type { PredictionView } from '../analysis/types';
import { Button, Notice, TextArea } from '../ui';
import { usePublish, useUnpublish } from './api';
import { clearPublishFailure, usePublishFailure } from './publishFailures';

interface PublicationControlsProps {
  view: PredictionView;
  /** The browser's copy of the analysed file (and what was sent with it), while this tab holds it. */
  held?: HeldTrack;
}

const FIELDS = ['audio', 'lyrics'] as const;

/**
 * The owner's publish / unpublish: publishing shares the analysis on its genre's leaderboard and lets every signed-in
 * member listen to the track (and read the lyrics, when ticked). The server accepts only the very file that was
 * analysed: the browser's copy when it still has one, else the file the member chooses again.
 */
export function PublicationControls({ view, held }: PublicationControlsProps) {
  const { t } = useTranslation('publication');
  // Published audio is heard by others: the server refuses it (email-unverified) until the address is verified.
  const needsVerification = useNeedsVerification();
  const format = useFormat();
  const problems = useProblemText();
  const publish = usePublish(view.id);
  const unpublish = useUnpublish(view.id);
  const uploadFailure = usePublishFailure(view.id);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [withLyrics, setWithLyrics] = useState(false);
  const [chosen, setChosen] = useState<File>();
  const [typedLyrics, setTypedLyrics] = useState('');
  const [missing, setMissing] = useState<'audio' | 'lyrics'>();
  const [done, setDone] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);

  if (view.moderation?.state === 'REMOVED') return null; // The moderation notice says why nothing can be published.

  const publication = view.publication ?? null;
  const published = Boolean(publication?.audio || publication?.lyrics);
  const genre = t(`genre.${view.genre}`, { ns: 'analysis' });
  const heldLyrics = held?.lyrics.trim() ?? '';

  function send(audio: File, lyrics: string | undefined) {
    setDone(undefined);
    publish.mutate(
      { audio, lyrics },
      {
        onSuccess: () => {
          clearPublishFailure(view.id);
          setOpen(false);
          setDone(t('publish.done', { genre }));
          requestAnimationFrame(() => opener.current?.focus());
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const audio = held?.audio ?? chosen;
    const lyrics = withLyrics ? (held ? held.lyrics : typedLyrics) : undefined;
    if (!audio) {
      setMissing('audio');
      return;
    }
    if (withLyrics && !held && typedLyrics.trim() === '') {
      setMissing('lyrics');
      return;
    }
    setMissing(undefined);
    send(audio, lyrics);
  }

  function stop() {
    setDone(undefined);
    unpublish.mutate(undefined, { onSuccess: () => setDone(t('unpublish.done')) });
  }

  const error = publish.error;
  const fieldError = (field: (typeof FIELDS)[number]) =>
    missing === field ? t(field === 'audio' ? 'publish.chooseFile' : 'publish.typeLyrics') : problems.field(error, field);
  const formError = error && !(isApiError(error) && FIELDS.some((field) => field in error.fieldErrors)) ? error : null;

  return (
    <section className="publication" aria-labelledby={headingId} data-testid="publication">
      <h2 id={headingId}>{t('heading')}</h2>
      {published && publication ? (
        <>
          <p data-testid="publication-state">
            {t(publication.audio && publication.lyrics ? 'state.both' : publication.audio ? 'state.audio' : 'state.lyrics', {
              genre,
              date: format.dateTime(publication.publishedAt),
            })}
          </p>
          <div className="publication__buttons">
            <Button variant="secondary" busy={unpublish.isPending} onClick={stop} data-testid="unpublish">
              {t('unpublish.button')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p data-testid="publication-state">{t('state.none', { genre })}</p>
          {uploadFailure !== undefined && !done && (
            <Notice tone="error" title={t('publish.failedAtUpload')}>
              <p data-testid="publish-failure">{problems.message(uploadFailure)}</p>
              {held && (
                <Button variant="secondary" busy={publish.isPending} onClick={() => send(held.audio, heldLyrics ? held.lyrics : undefined)} data-testid="publish-retry">
                  {t('publish.retry')}
                </Button>
              )}
            </Notice>
          )}
          {view.publishable === false ? (
            <Notice tone="info">{t('publish.unavailable')}</Notice>
          ) : needsVerification ? (
            <VerifyFirstNotice action="publish" />
          ) : (
            <div className="publication__buttons">
              <button
                type="button"
                ref={opener}
                className="secondary"
                aria-expanded={open}
                onClick={() => {
                  setOpen(!open);
                  setMissing(undefined);
                  publish.reset();
                }}
                data-testid="publish-open"
              >
                {t('publish.open')}
              </button>
            </div>
          )}
          {open && (
            <form className="publication__form" onSubmit={submit} noValidate>
              <p>{t('publish.explain', { genre })}</p>
              {held ? (
                <p data-testid="publish-held">{t('publish.held', { name: held.audio.name })}</p>
              ) : (
                <FileField error={fieldError('audio')} onChoose={setChosen} />
              )}
              <label>
                <input
                  type="checkbox"
                  name="withLyrics"
                  checked={withLyrics}
                  disabled={Boolean(held) && heldLyrics === ''}
                  onChange={(event) => setWithLyrics(event.target.checked)}
                />{' '}
                {t('publish.withLyrics')}
              </label>
              {held && heldLyrics === '' && <small>{t('publish.noHeldLyrics')}</small>}
              {held && withLyrics && fieldError('lyrics') && (
                <small className="field-error" role="alert">
                  {fieldError('lyrics')}
                </small>
              )}
              {!held && withLyrics && (
                <TextArea
                  name="lyrics"
                  label={t('publish.lyricsLabel')}
                  hint={t('publish.lyricsHint')}
                  rows={6}
                  value={typedLyrics}
                  error={fieldError('lyrics')}
                  onChange={(event) => setTypedLyrics(event.target.value)}
                />
              )}
              {formError && <Notice tone="error">{problems.message(formError)}</Notice>}
              <div className="publication__buttons">
                <Button type="submit" busy={publish.isPending} data-testid="publish-submit">
                  {t('publish.submit')}
                </Button>
                <Button variant="plain" onClick={() => setOpen(false)}>
                  {t('publish.cancel')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
      {done && (
        <p role="status" className="result-actions__done" data-testid="publication-done">
          {done}
        </p>
      )}
      {unpublish.error && <Notice tone="error">{problems.message(unpublish.error)}</Notice>}
    </section>
  );
}

/** The file the member analysed, chosen again; a refusal is said next to it. */
function FileField({ error, onChoose }: { error?: string; onChoose: (file: File | undefined) => void }) {
  const { t } = useTranslation('publication');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('publish.fileLabel')}</label>
      <input
        id={id}
        type="file"
        name="audio"
        accept="audio/*,.wav,.aif,.aiff,.mp3,.flac,.ogg,.oga,.opus,.m4a"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
        onChange={(event) => onChoose(event.target.files?.[0])}
      />
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
      <small id={`${id}-hint`}>{t('publish.fileHint')}</small>
    </div>
  );
}
