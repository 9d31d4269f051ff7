import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import type { Moderation, ModerationState } from '../analysis/types';
import { Button, Notice, TextArea } from '../ui';
import { useModerate, useRestore } from './api';

export const MAX_REASON_LENGTH = 500;

/**
 * An administrator's hide / remove / restore for a leaderboard entry. A reason is required: the owner reads it.
 * Hidden: gone from the leaderboard and from other members, its publication kept. Removed: the published audio and
 * lyrics are deleted too, and the owner cannot publish again until it is restored.
 */
export function ModerationControls({ id, moderation, compact }: { id: string; moderation: Moderation | null; compact?: boolean }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  const problems = useProblemText();
  const moderate = useModerate(id);
  const restore = useRestore(id);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ModerationState>('HIDDEN');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [done, setDone] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem =
      trimmed === ''
        ? t('moderation.reasonRequired')
        : trimmed.length > MAX_REASON_LENGTH
          ? t('moderation.reasonTooLong', { max: MAX_REASON_LENGTH })
          : undefined;
    setReasonError(problem);
    if (problem) return;
    setDone(undefined);
    moderate.mutate(
      { state, reason: trimmed },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          setDone(t(`moderation.done.${state}`));
        },
        onError: (error) => setReasonError(problems.field(error, 'reason')),
      },
    );
  }

  const current = moderation;
  return (
    <section className={compact ? 'moderation moderation--compact' : 'moderation'} aria-labelledby={headingId} data-testid="moderation">
      {compact ? (
        <span id={headingId} className="visually-hidden">
          {t('moderation.heading')}
        </span>
      ) : (
        <h2 id={headingId}>{t('moderation.heading')}</h2>
      )}
      {current ? (
        <>
          <p data-testid="moderation-state">
            {t(`moderation.is.${current.state}`, { date: format.dateTime(current.moderatedAt) })} {t('moderation.reason', { reason: current.reason })}
          </p>
          <div className="moderation__buttons">
            <Button
              variant="secondary"
              busy={restore.isPending}
              onClick={() => restore.mutate(undefined, { onSuccess: () => setDone(t('moderation.done.restored')) })}
              data-testid="moderation-restore"
            >
              {t('moderation.restore')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <div className="moderation__buttons">
            <button type="button" className="secondary outline" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="moderation-open">
              {t('moderation.open')}
            </button>
          </div>
          {open && (
            <form onSubmit={submit} noValidate data-testid="moderation-form">
              <fieldset>
                <legend>{t('moderation.what')}</legend>
                {(['HIDDEN', 'REMOVED'] as const).map((each) => (
                  <label key={each}>
                    <input type="radio" name="moderationState" value={each} checked={state === each} onChange={() => setState(each)} />{' '}
                    {t(`moderation.choice.${each}`)}
                  </label>
                ))}
              </fieldset>
              <TextArea
                name="reason"
                label={t('moderation.reasonLabel')}
                hint={t('moderation.reasonHint', { max: MAX_REASON_LENGTH })}
                rows={3}
                required
                value={reason}
                error={reasonError}
                onChange={(event) => setReason(event.target.value)}
              />
              <div className="moderation__buttons">
                <Button type="submit" variant="danger" busy={moderate.isPending} data-testid="moderation-submit">
                  {t(`moderation.submit.${state}`)}
                </Button>
                <Button variant="plain" onClick={() => setOpen(false)}>
                  {t('moderation.cancel')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
      {done && (
        <p role="status" className="result-actions__done">
          {done}
        </p>
      )}
      {moderate.error && !reasonError && <Notice tone="error">{problems.message(moderate.error)}</Notice>}
      {restore.error && <Notice tone="error">{problems.message(restore.error)}</Notice>}
    </section>
  );
}
