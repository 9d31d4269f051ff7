import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice, TextArea, TextField } from '../../ui';
import { predictionKeys, sendForAnalysis } from '../api';
import { heldTrack, holdTrack } from '../localAudio';
import { GENRES, type Genre } from '../types';
import { useMessageText } from '../useMessageText';
import { AudioDrop } from './AudioDrop';
import { clearDraft, readDraft, saveDraft, type Draft } from './draft';
import { readTextFile } from './readTextFile';
import {
  checkAudioFile,
  checkLyricsFile,
  checkTrackForm,
  LYRICS_ACCEPT,
  MAX_LABEL_LENGTH,
  MAX_LYRICS_CHARACTERS,
  type FieldMessage,
  type FieldMessages,
  type TrackField,
} from './uploadChecks';
import { placeUploadProblem } from './uploadProblems';
import { publish } from '../../publication/api';
import { recordPublishFailure } from '../../publication/publishFailures';
import '../analysis.css';

type Phase = { name: 'editing' } | { name: 'sending'; sent: number; total: number } | { name: 'analysing' } | { name: 'publishing' };

const FIELD_ORDER: TrackField[] = ['genre', 'audio', 'title', 'artist', 'lyrics'];

/**
 * Analyse a track: genre, audio, lyrics, labels; a progress bar of the bytes sent, then "analysing", then the result.
 * Whatever goes wrong, the form keeps what the member put in (see draft.ts) and says why next to the field at fault.
 */
export function AnalysePage() {
  const { t } = useTranslation('analysis');
  const text = useMessageText();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const againId = search.get('again') ?? undefined;
  const formId = useId();
  useDocumentTitle(t('analyse.title'));

  const [draft, setDraft] = useState<Draft>(() => {
    const again = heldTrack(againId);
    if (again) {
      return { genre: null, audio: again.audio, title: again.title, artist: again.artist, lyrics: again.lyrics, lyricsSource: null };
    }
    return readDraft();
  });
  const [againFrom] = useState(() => heldTrack(againId)?.genre);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formProblem, setFormProblem] = useState<FieldMessage>();
  const [cancelled, setCancelled] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  // Opt-in, never remembered: publishing lets other members hear an unreleased track.
  const [publishToo, setPublishToo] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const formNotice = useRef<HTMLDivElement>(null);

  useEffect(() => saveDraft(draft), [draft]);
  // Leaving the page mid-upload stops the upload; the draft stays for the way back.
  useEffect(() => () => controller.current?.abort(), []);

  const busy = phase.name !== 'editing';

  function change<K extends keyof Draft>(field: K, value: Draft[K]) {
    setDraft((was) => ({ ...was, [field]: value }));
    const shown = (field === 'lyricsSource' ? 'lyrics' : field) as TrackField;
    setErrors((was) => {
      if (!(shown in was)) return was;
      const rest = { ...was };
      delete rest[shown];
      return rest;
    });
  }

  function chooseAudio(file: File) {
    change('audio', file);
    const problem = checkAudioFile(file);
    if (problem) setErrors((was) => ({ ...was, audio: problem }));
  }

  async function attachLyrics(file: File) {
    const problem = checkLyricsFile(file);
    if (problem) {
      setErrors((was) => ({ ...was, lyrics: problem }));
      return;
    }
    try {
      const lyrics = await readTextFile(file);
      setDraft((was) => ({ ...was, lyrics, lyricsSource: file.name }));
      setErrors((was) => {
        const rest = { ...was };
        delete rest.lyrics;
        return rest;
      });
    } catch {
      setErrors((was) => ({ ...was, lyrics: { key: 'lyrics.unreadable' } }));
    }
  }

  function focusFirstProblem(found: FieldMessages) {
    const first = FIELD_ORDER.find((field) => found[field]);
    requestAnimationFrame(() => {
      if (!first) {
        formNotice.current?.focus();
        return;
      }
      const control = form.current?.querySelector<HTMLElement>(`[name="${first}"]`);
      control?.focus();
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormProblem(undefined);
    setCancelled(false);
    const found = checkTrackForm(draft);
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.genre || !draft.audio) {
      focusFirstProblem(found);
      return;
    }
    const sent = { ...draft, genre: draft.genre, audio: draft.audio };
    const upload = new AbortController();
    controller.current = upload;
    setPhase({ name: 'sending', sent: 0, total: sent.audio.size });
    try {
      const view = await sendForAnalysis(
        sent,
        (bytes, total) => setPhase(total > 0 && bytes >= total ? { name: 'analysing' } : { name: 'sending', sent: bytes, total }),
        upload.signal,
      );
      holdTrack(view.id, { audio: sent.audio, genre: sent.genre, title: sent.title, artist: sent.artist, lyrics: sent.lyrics });
      queryClient.setQueryData(predictionKeys.one(view.id), view);
      if (publishToo) {
        // The analysis is kept whatever happens here: a refusal is said on the result page, with a retry.
        setPhase({ name: 'publishing' });
        try {
          queryClient.setQueryData(predictionKeys.one(view.id), await publish(view.id, { audio: sent.audio, lyrics: sent.lyrics }));
        } catch (failure) {
          recordPublishFailure(view.id, failure);
        }
      }
      void queryClient.invalidateQueries({ queryKey: predictionKeys.lists() });
      clearDraft();
      navigate(`/analyses/${encodeURIComponent(view.id)}`);
    } catch (error) {
      if (upload.signal.aborted) {
        setCancelled(true);
      } else if (isApiError(error)) {
        const placed = placeUploadProblem(error);
        setErrors(placed.fields);
        setFormProblem(placed.form);
        focusFirstProblem(placed.fields);
      } else {
        setFormProblem({ key: 'problem.unexpected' });
        focusFirstProblem({});
      }
    } finally {
      controller.current = null;
      setPhase({ name: 'editing' });
    }
  }

  const error = (field: TrackField) => (errors[field] ? text(errors[field]) : undefined);
  const genreError = error('genre');
  const genreErrorId = `${formId}-genre-error`;

  return (
    <section className="analyse" aria-labelledby={`${formId}-title`}>
      <h1 id={`${formId}-title`}>{t('analyse.title')}</h1>
      <p>{t('analyse.intro')}</p>

      {againFrom && (
        <Notice tone="info" title={t('analyse.again.title')}>
          {t('analyse.again.body', { genre: t(`genre.${againFrom}`) })}
        </Notice>
      )}

      <div ref={formNotice} tabIndex={-1} className="analyse__form-notice">
        {formProblem && (
          <Notice tone="error" title={t('analyse.refused')}>
            {text(formProblem)} {t('analyse.nothingLost')}
          </Notice>
        )}
        {cancelled && <Notice tone="info">{t('analyse.cancelled')}</Notice>}
      </div>

      <form ref={form} noValidate onSubmit={submit} aria-busy={busy || undefined}>
        <fieldset
          className="genre-choice"
          aria-describedby={genreError ? genreErrorId : undefined}
          aria-invalid={genreError ? true : undefined}
          disabled={busy}
        >
          <legend>{t('analyse.genre.label')}</legend>
          {GENRES.map((genre: Genre) => (
            <label key={genre} className="genre-choice__option">
              <input
                type="radio"
                name="genre"
                value={genre}
                checked={draft.genre === genre}
                onChange={() => change('genre', genre)}
              />
              <span>
                {t(`genre.${genre}`)}
                {againFrom === genre && <small> {t('analyse.again.was')}</small>}
              </span>
            </label>
          ))}
          {genreError && (
            <small id={genreErrorId} className="field-error" role="alert">
              {genreError}
            </small>
          )}
        </fieldset>

        <AudioDrop file={draft.audio} error={error('audio')} disabled={busy} onChoose={chooseAudio} />

        <div className="analyse__labels">
          <TextField
            name="title"
            label={t('analyse.titleField')}
            value={draft.title}
            disabled={busy}
            autoComplete="off"
            error={error('title')}
            hint={t('analyse.labelHint', { max: MAX_LABEL_LENGTH })}
            onChange={(event) => change('title', event.target.value)}
          />
          <TextField
            name="artist"
            label={t('analyse.artistField')}
            value={draft.artist}
            disabled={busy}
            autoComplete="off"
            error={error('artist')}
            hint={t('analyse.labelHint', { max: MAX_LABEL_LENGTH })}
            onChange={(event) => change('artist', event.target.value)}
          />
        </div>

        <TextArea
          name="lyrics"
          label={t('analyse.lyrics.label')}
          value={draft.lyrics}
          rows={8}
          disabled={busy}
          error={error('lyrics')}
          hint={
            draft.lyricsSource
              ? t('analyse.lyrics.fromFile', { name: draft.lyricsSource, length: format.number(draft.lyrics.length), max: format.number(MAX_LYRICS_CHARACTERS) })
              : t('analyse.lyrics.hint', { length: format.number(draft.lyrics.length), max: format.number(MAX_LYRICS_CHARACTERS) })
          }
          onChange={(event) => {
            change('lyrics', event.target.value);
            if (draft.lyricsSource) change('lyricsSource', null);
          }}
        />
        <label className="analyse__attach">
          {t('analyse.lyrics.attach')}
          <input
            type="file"
            name="lyricsFile"
            accept={LYRICS_ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen) void attachLyrics(chosen);
              event.target.value = '';
            }}
          />
        </label>

        <div className="analyse__publish">
          <label>
            <input
              type="checkbox"
              name="publish"
              checked={publishToo}
              disabled={busy}
              aria-describedby={`${formId}-publish-hint`}
              onChange={(event) => setPublishToo(event.target.checked)}
              data-testid="publish-at-upload"
            />{' '}
            {t('analyse.publish.label')}
          </label>
          <small id={`${formId}-publish-hint`}>{t('analyse.publish.hint')}</small>
        </div>

        {phase.name === 'sending' && (
          <div className="analyse__progress">
            <label htmlFor={`${formId}-progress`}>
              {t('analyse.sending', {
                percent: format.percent(phase.total > 0 ? phase.sent / phase.total : 0),
                sent: format.number(phase.sent / (1024 * 1024), 1),
                total: format.number(phase.total / (1024 * 1024), 1),
              })}
            </label>
            <progress id={`${formId}-progress`} value={phase.sent} max={phase.total || 1} />
          </div>
        )}
        {phase.name === 'analysing' && (
          <div className="analyse__progress" role="status" data-testid="analysing">
            <label htmlFor={`${formId}-analysing`}>{t('analyse.analysing')}</label>
            <progress id={`${formId}-analysing`} />
          </div>
        )}
        {phase.name === 'publishing' && (
          <p role="status" aria-busy="true" data-testid="publishing">
            {t('analyse.publishing')}
          </p>
        )}
        {/* Announced once per phase, not on every progress event. */}
        <p className="visually-hidden" aria-live="polite">
          {phase.name === 'sending' ? t('analyse.sendingShort') : phase.name === 'analysing' ? t('analyse.analysing') : ''}
        </p>

        <div className="analyse__actions">
          <Button type="submit" busy={busy}>
            {t('analyse.submit')}
          </Button>
          {busy && (
            <Button variant="secondary" onClick={() => controller.current?.abort()}>
              {t('analyse.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
