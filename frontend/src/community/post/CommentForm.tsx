import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNeedsVerification, VerifyFirstNotice } from '../../auth/VerifyFirstNotice';
import { useProblemText } from '../../api/problem';
import { Button, Notice, TextArea } from '../../ui';
import { LIMITS } from '../types';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  busy: boolean;
  error: unknown;
  /** Resolves when the server took it (the form then empties), rejects when it refused (the text stays). */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}

/** A comment's text: written, replied or edited. Checked here as the server checks it (1–5,000 characters). */
export function CommentForm({ label, submitLabel, initial = '', busy, error, onSubmit, onCancel, autoFocus, testId }: CommentFormProps) {
  const { t } = useTranslation('community');
  // A new comment or reply needs a verified address (the server answers email-unverified); editing one does not.
  const blocked = useNeedsVerification() && initial === '';
  const problems = useProblemText();
  const id = useId();
  const [body, setBody] = useState(initial);
  const [bodyError, setBodyError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem =
      body.trim() === '' ? t('comments.required') : body.length > LIMITS.comment ? t('comments.tooLong', { max: LIMITS.comment }) : undefined;
    setBodyError(problem);
    if (problem) return;
    try {
      await onSubmit(body);
      setBody('');
    } catch (failure) {
      setBodyError(problems.field(failure, 'body'));
    }
  }

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)} noValidate data-testid={testId}>
      {blocked && <VerifyFirstNotice action="comment" />}
      <TextArea
        id={`c${id}`}
        name="body"
        label={label}
        rows={3}
        value={body}
        error={bodyError}
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="buttons">
        <Button type="submit" busy={busy} disabled={blocked}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="plain" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
      {error && !bodyError ? <Notice tone="error">{problems.message(error)}</Notice> : null}
    </form>
  );
}
