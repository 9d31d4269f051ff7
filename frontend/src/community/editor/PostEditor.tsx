import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNeedsVerification, VerifyFirstNotice } from '../../auth/VerifyFirstNotice';
import { isApiError, useProblemText } from '../../api/problem';
import { usePrediction } from '../../analysis/api';
import { Button, Notice, Select, TextArea, TextField } from '../../ui';
import { Markdown } from '../markdown/Markdown';
import { CATEGORIES, LIMITS, isCategory, type Category } from '../types';
import type { PostDraft } from './draft';
import { SharedAnalysis } from './SharedAnalysis';

export interface EditorValues {
  title: string;
  body: string;
  category: Category;
  confirmShareFigures: boolean;
}

interface PostEditorProps {
  heading: string;
  initial: PostDraft;
  /** A new post (not an edit): it needs a verified e-mail address. */
  isNew?: boolean;
  /** The analysis a new post shares, if any. */
  analysisId?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: EditorValues) => void;
  /** Every change, so that the page can keep the draft. */
  onChange?: (draft: PostDraft) => void;
  onCancel: () => void;
}

type FieldErrors = Partial<Record<'title' | 'body' | 'category' | 'confirmShareFigures', string>>;

/**
 * Writing or editing a post: title, category, the body with a preview drawn by the very renderer the post page uses,
 * and — when an analysis is shared — the author's confirmation. Checked here as the server checks it; the server's
 * own word on a field shows under that field, and nothing typed is lost when a send is refused.
 */
export function PostEditor({ heading, initial, isNew = false, analysisId, submitLabel, busy, error, onSubmit, onChange, onCancel }: PostEditorProps) {
  const { t } = useTranslation('community');
  // Posting needs a verified address (the server answers email-unverified); the notice says why the button waits.
  const blocked = useNeedsVerification() && isNew;
  const problems = useProblemText();
  const headingId = useId();
  const previewId = useId();
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [category, setCategory] = useState<Category | ''>(initial.category || (analysisId ? 'FEEDBACK' : ''));
  const [confirmed, setConfirmed] = useState(false);
  const [preview, setPreview] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const prediction = usePrediction(analysisId);
  const shareable = !analysisId || prediction.data?.ownedByMe === true;

  useEffect(() => {
    onChange?.({ title, body, category });
    // Only the values matter; the callback may be a new function on every render.
  }, [title, body, category]);

  // The server's word on each field, in plain words, when it refused the send.
  useEffect(() => {
    if (!isApiError(error)) return;
    const fields: FieldErrors = {};
    for (const field of ['title', 'body', 'category', 'confirmShareFigures'] as const) {
      const message = problems.field(error, field);
      if (message) fields[field] = message;
    }
    setErrors(fields);
    // problems is bound to the language; a new error is what matters.
  }, [error]);

  function check(): FieldErrors {
    const found: FieldErrors = {};
    if (title.trim() === '') found.title = t('editor.titleRequired');
    else if (title.length > LIMITS.title) found.title = t('editor.tooLong', { max: LIMITS.title });
    if (body.trim() === '') found.body = t('editor.bodyRequired');
    else if (body.length > LIMITS.body) found.body = t('editor.tooLong', { max: LIMITS.body });
    if (!isCategory(category)) found.category = t('editor.categoryRequired');
    if (analysisId && !confirmed) found.confirmShareFigures = t('share.confirmRequired');
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0 || !isCategory(category) || !shareable) {
      // Focus the first field at fault, as a person reads down the form.
      const first = (['title', 'category', 'body', 'confirmShareFigures'] as const).find((field) => found[field]);
      if (first) (document.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
      return;
    }
    onSubmit({ title: title.trim(), body, category, confirmShareFigures: confirmed });
  }

  const unavailable = isApiError(error) && error.type === 'dependency-unavailable';
  const fieldNamed = isApiError(error) && Object.keys(error.fieldErrors).some((field) => ['title', 'body', 'category', 'confirmShareFigures'].includes(field));
  const notFoundAnalysis = isApiError(error) && 'predictionId' in error.fieldErrors;

  return (
    <section className="post-editor" aria-labelledby={headingId}>
      <h1 id={headingId}>{heading}</h1>
      {blocked && <VerifyFirstNotice action="post" />}
      <form onSubmit={submit} noValidate data-testid="post-editor">
        <TextField
          name="title"
          label={t('editor.title')}
          value={title}
          maxLength={LIMITS.title + 50}
          error={errors.title}
          hint={t('editor.titleHint', { max: LIMITS.title })}
          onChange={(event) => setTitle(event.target.value)}
        />
        <Select name="category" label={t('editor.category')} value={category} error={errors.category} onChange={(event) => setCategory(isCategory(event.target.value) ? event.target.value : '')}>
          <option value="">{t('editor.chooseCategory')}</option>
          {CATEGORIES.map((each) => (
            <option key={each} value={each}>
              {t(`category.${each}`)}
            </option>
          ))}
        </Select>
        <TextArea
          name="body"
          label={t('editor.body')}
          rows={10}
          value={body}
          error={errors.body}
          hint={t('editor.bodyHint', { max: LIMITS.body })}
          onChange={(event) => setBody(event.target.value)}
        />
        <div className="post-editor__preview-toggle">
          <button type="button" className="outline secondary" aria-pressed={preview} aria-controls={preview ? previewId : undefined} onClick={() => setPreview(!preview)} data-testid="preview-toggle">
            {t('editor.preview')}
          </button>
        </div>
        {preview && (
          <section id={previewId} className="post-editor__preview" aria-label={t('editor.previewLabel')} data-testid="preview">
            {body.trim() === '' ? <p className="muted">{t('editor.previewEmpty')}</p> : <Markdown source={body} className="post__body" />}
          </section>
        )}

        {analysisId && (
          <SharedAnalysis
            prediction={prediction}
            confirmed={confirmed}
            onConfirm={(value) => {
              setConfirmed(value);
              if (value) setErrors((was) => ({ ...was, confirmShareFigures: undefined }));
            }}
            confirmError={errors.confirmShareFigures}
          />
        )}

        {unavailable ? (
          <Notice tone="error" title={t('editor.unavailableTitle')}>
            <p data-testid="dependency-unavailable">{t('editor.unavailable')}</p>
          </Notice>
        ) : notFoundAnalysis ? (
          <Notice tone="error">{t('share.notOwn')}</Notice>
        ) : error && !fieldNamed ? (
          <Notice tone="error">{problems.message(error)}</Notice>
        ) : null}

        <div className="buttons">
          <Button type="submit" busy={busy} disabled={!shareable || blocked} data-testid="post-submit">
            {submitLabel}
          </Button>
          <Button variant="plain" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
