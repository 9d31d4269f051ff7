import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { readTextFile } from '../analysis/upload/readTextFile';
import { GENRES, type Genre } from '../analysis/types';
import { Button, Notice, Select, TextField } from '../ui';
import { useSubmitJob, type Job, type JobSubmission } from './api';
import { manifestFromCsv, ManifestError } from './manifest';

type Field = 'audio' | 'lyrics' | 'manifest' | 'genre' | 'webhookUrl';

const AUDIO_ACCEPT = '.wav,.mp3,.flac,.ogg,.m4a,audio/*';
const LYRICS_ACCEPT = '.txt,.lrc,text/plain';
const MANIFEST_ACCEPT = '.json,.csv,application/json,text/csv';

/** The API names a part by its index among all `files` parts; audio comes first, then lyrics, as jobForm sends them. */
function fieldOfServerName(name: string, audioCount: number): Field | undefined {
  const files = /^files(?:\[(\d+)\])?$/.exec(name);
  if (files) return files[1] !== undefined && Number(files[1]) >= audioCount ? 'lyrics' : 'audio';
  if (name === 'manifest' || name.startsWith('manifest[')) return 'manifest';
  if (name === 'genre' || name === 'webhookUrl') return name;
  return undefined;
}

function duplicate(files: File[]): string | undefined {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.name)) return file.name;
    seen.add(file.name);
  }
  return undefined;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The batch job form: audio, lyrics, an optional manifest (.json sent as is, .csv turned into JSON), genre, webhook. */
export function CatalogueForm({ onSubmitted }: { onSubmitted: (job: Job) => void }) {
  const { t } = useTranslation('catalogue');
  const common = useTranslation('common').t;
  const problems = useProblemText();
  const format = useFormat();
  const progressId = useId();
  const submit = useSubmitJob();
  const [audio, setAudio] = useState<File[]>([]);
  const [lyrics, setLyrics] = useState<File[]>([]);
  const [manifest, setManifest] = useState<File>();
  const [genre, setGenre] = useState<Genre | ''>('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<{ sent: number; total: number }>();

  async function manifestPart(file: File): Promise<JobSubmission['manifest']> {
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return { file };
    const text = await readTextFile(file);
    return { text: JSON.stringify(manifestFromCsv(text)) };
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (audio.length === 0) found.audio = t('form.audioMissing');
    const twice = duplicate(audio) ?? duplicate(lyrics);
    if (twice) found[duplicate(audio) ? 'audio' : 'lyrics'] = t('form.audioDuplicate', { name: twice });
    if (!manifest && !genre) found.genre = t('form.genreMissing');
    const hook = webhookUrl.trim();
    if (hook && !isWebAddress(hook)) found.webhookUrl = t('form.webhookInvalid');
    let manifestSent: JobSubmission['manifest'];
    if (manifest) {
      try {
        manifestSent = await manifestPart(manifest);
      } catch (error) {
        found.manifest = error instanceof ManifestError
          ? t(`form.manifestInvalid.${error.code}`, { column: error.column ?? '' })
          : t('form.manifestInvalid.unreadable');
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSent({ sent: 0, total: 0 });
    submit.mutate(
      {
        submission: { audio, lyrics, manifest: manifestSent, genre: manifest ? undefined : genre || undefined, webhookUrl: hook || undefined },
        onProgress: (bytes, total) => setSent({ sent: bytes, total }),
      },
      { onSuccess: onSubmitted, onSettled: () => setSent(undefined) },
    );
  }

  // The server's own words for a field it named, on the control that holds it.
  const serverErrors: Partial<Record<Field, string>> = {};
  if (isApiError(submit.error)) {
    for (const name of Object.keys(submit.error.fieldErrors)) {
      const field = fieldOfServerName(name, audio.length);
      if (field && !serverErrors[field]) serverErrors[field] = problems.field(submit.error, name);
    }
  }
  const error = (field: Field) => errors[field] ?? serverErrors[field];
  const busy = submit.isPending;
  const percent = sent && sent.total > 0 ? sent.sent / sent.total : 0;

  return (
    <section className="catalogue-section" aria-labelledby="catalogue-form-title">
      <h2 id="catalogue-form-title">{t('form.title')}</h2>
      <form noValidate onSubmit={(event) => void send(event)} aria-busy={busy || undefined}>
        <TextField label={t('form.audio')} name="audio" type="file" multiple accept={AUDIO_ACCEPT} disabled={busy}
          hint={audio.length > 0 ? `${t('form.audioHint')} ${t('form.chosen', { count: audio.length })}` : t('form.audioHint')}
          error={error('audio')} onChange={(event) => setAudio([...(event.target.files ?? [])])} />
        <TextField label={t('form.lyrics')} name="lyrics" type="file" multiple accept={LYRICS_ACCEPT} disabled={busy}
          hint={t('form.lyricsHint')} error={error('lyrics')} onChange={(event) => setLyrics([...(event.target.files ?? [])])} />
        <TextField label={t('form.manifest')} name="manifest" type="file" accept={MANIFEST_ACCEPT} disabled={busy}
          hint={t('form.manifestHint')} error={error('manifest')} onChange={(event) => setManifest(event.target.files?.[0])} />
        <Select label={t('form.genre')} name="genre" value={manifest ? '' : genre} disabled={busy || Boolean(manifest)}
          hint={t('form.genreHint')} error={error('genre')} onChange={(event) => setGenre(event.target.value as Genre | '')}>
          <option value="">{manifest ? t('form.genreFromManifest') : '—'}</option>
          {GENRES.map((g) => (
            <option key={g} value={g}>
              {common(`genre.${g}`)}
            </option>
          ))}
        </Select>
        <TextField label={t('form.webhook')} name="webhookUrl" type="url" inputMode="url" value={webhookUrl} disabled={busy}
          hint={t('form.webhookHint')} error={error('webhookUrl')} autoComplete="off" onChange={(event) => setWebhookUrl(event.target.value)} />
        {submit.isError && <Notice tone="error">{problems.message(submit.error)}</Notice>}
        {sent && (
          <div className="catalogue-progress">
            <label htmlFor={progressId}>{t('form.sending', { percent: format.percent(percent) })}</label>
            <progress id={progressId} value={sent.sent} max={sent.total || 1} />
          </div>
        )}
        <Button type="submit" busy={busy}>{t('form.submit')}</Button>
      </form>
    </section>
  );
}
