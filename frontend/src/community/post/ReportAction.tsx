import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { Button, Notice, TextArea } from '../../ui';
import { useReport } from '../api';
import { LIMITS, type ReportTarget } from '../types';

/**
 * "Report" for a post, a comment or a leaderboard entry: a reason (required, at most 1,000 characters) goes to the
 * administrators' queue. `what` names the thing in the button's accessible name.
 */
export function ReportAction({ targetType, targetId, what }: { targetType: ReportTarget; targetId: string; what: string }) {
  const { t } = useTranslation('community');
  const problems = useProblemText();
  const report = useReport();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [sent, setSent] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) area.current?.querySelector('textarea')?.focus();
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    const problem =
      trimmed === '' ? t('report.reasonRequired') : trimmed.length > LIMITS.reason ? t('report.reasonTooLong', { max: LIMITS.reason }) : undefined;
    setReasonError(problem);
    if (problem) return;
    report.mutate(
      { targetType, targetId, reason: trimmed },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          setSent(true);
          requestAnimationFrame(() => opener.current?.focus());
        },
        onError: (error) => setReasonError(problems.field(error, 'reason')),
      },
    );
  }

  return (
    <div className="report">
      <button
        ref={opener}
        type="button"
        className="outline secondary report__open"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        aria-label={t('report.openLabel', { what })}
        onClick={() => {
          setOpen(!open);
          setSent(false);
        }}
        data-testid="report-open"
      >
        {t('report.open')}
      </button>
      {open && (
        <form id={formId} className="report__form" onSubmit={submit} noValidate data-testid="report-form">
          <div ref={area}>
            <TextArea
              name="reason"
              label={t('report.reasonLabel')}
              hint={t('report.reasonHint', { max: LIMITS.reason })}
              rows={3}
              maxLength={LIMITS.reason + 100}
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="buttons">
            <Button type="submit" variant="danger" busy={report.isPending} data-testid="report-submit">
              {t('report.submit')}
            </Button>
            <Button variant="plain" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
          </div>
          {report.error && !reasonError ? <Notice tone="error">{problems.message(report.error)}</Notice> : null}
        </form>
      )}
      {sent && (
        <p role="status" className="report__sent" data-testid="report-sent">
          {t('report.sent')}
        </p>
      )}
    </div>
  );
}
