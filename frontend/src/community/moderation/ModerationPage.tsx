import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProblemText } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice, TextArea } from '../../ui';
import { allItems, useDecide, useReports } from '../api';
import { memberName } from '../names';
import type { ModerationAction, Report } from '../types';
import '../community.css';

/** prediction-service keeps a leaderboard entry's reason to 500 characters (its owner reads it). */
const LEADERBOARD_REASON_MAX = 500;
const NOTE_MAX = 1_000;

/** Where the reported thing is: the post (at the comment), or the analysis behind a leaderboard entry. */
function targetLink(report: Report): string | undefined {
  if (report.targetType === 'LEADERBOARD_ENTRY') return `/analyses/${encodeURIComponent(report.targetId)}`;
  if (!report.postId) return undefined;
  const post = `/community/posts/${encodeURIComponent(report.postId)}`;
  return report.targetType === 'COMMENT' ? `${post}#comment-${encodeURIComponent(report.targetId)}` : post;
}

/** /moderation — the administrators' queue of reports: open ones to decide (hide, remove, dismiss), resolved ones to review. */
export function ModerationPage() {
  const { member } = useSession();
  if (!member?.roles.includes('ADMIN')) return <NotFoundPage />;
  return <Queue />;
}

function Queue() {
  const { t } = useTranslation('community');
  const problems = useProblemText();
  const [search] = useSearchParams();
  const state = search.get('state') === 'RESOLVED' ? 'RESOLVED' : 'OPEN';
  const reports = useReports(state);
  const headingId = useId();
  // Said above the list: a decided report leaves the open queue, and its card with it.
  const [done, setDone] = useState<string>();
  useDocumentTitle(t('moderation.title'));
  const items = allItems(reports.data);

  return (
    <section className="moderation-queue" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('moderation.title')}</h1>
      <nav aria-label={t('moderation.states')} className="community__views">
        <ul>
          {(['OPEN', 'RESOLVED'] as const).map((each) => (
            <li key={each}>
              <Link
                to={each === 'OPEN' ? '/moderation' : '/moderation?state=RESOLVED'}
                className="pill"
                aria-current={state === each ? 'page' : undefined}
                data-current={state === each}
              >
                {t(`moderation.state.${each}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" className="report-card__done" data-testid="decision-done">
        {done}
      </p>
      {reports.isPending ? (
        <p aria-busy="true">{t('moderation.loading')}</p>
      ) : reports.isError ? (
        <Notice tone="error" title={t('moderation.loadFailed')}>
          <p>{problems.message(reports.error)}</p>
          <Button variant="secondary" onClick={() => void reports.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : items.length === 0 ? (
        <p data-testid="reports-empty">{t(`moderation.empty.${state}`)}</p>
      ) : (
        <ul className="reports">
          {items.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} onDone={setDone} />
            </li>
          ))}
        </ul>
      )}
      {reports.hasNextPage && (
        <Button variant="secondary" busy={reports.isFetchingNextPage} onClick={() => void reports.fetchNextPage()}>
          {t('moderation.more')}
        </Button>
      )}
    </section>
  );
}

function ReportCard({ report, onDone }: { report: Report; onDone: (said: string) => void }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const link = targetLink(report);
  const headingId = useId();
  const preview = report.targetPreview ?? t(`moderation.noPreview.${report.targetType}`);
  return (
    <article className="report-card" aria-labelledby={headingId} data-testid="report-card">
      <h2 id={headingId} className="report-card__title">
        <span className="category">{t(`moderation.target.${report.targetType}`)}</span>{' '}
        {link ? <Link to={link}>{preview}</Link> : <span>{preview}</span>}
      </h2>
      <p className="report-card__reason">
        <strong>{t('moderation.reason')}</strong> {report.reason}
      </p>
      <p className="muted">
        {t('moderation.reported', { name: memberName(report.reporterName, false, t), date: format.dateTime(report.createdAt) })}
        {report.action && ` · ${t(`moderation.decided.${report.action}`)}`}
      </p>
      {report.state === 'OPEN' ? (
        <DecisionForm report={report} actions={['HIDE', 'REMOVE', 'DISMISS']} onDone={onDone} />
      ) : report.action === 'HIDE' && report.targetType !== 'LEADERBOARD_ENTRY' ? (
        <DecisionForm report={report} actions={['RESTORE']} onDone={onDone} />
      ) : null}
    </article>
  );
}

function DecisionForm({ report, actions, onDone }: { report: Report; actions: ModerationAction[]; onDone: (said: string) => void }) {
  const { t } = useTranslation('community');
  const problems = useProblemText();
  const decide = useDecide();
  const [action, setAction] = useState<ModerationAction>(actions[0] ?? 'DISMISS');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const groupName = useId();
  // A hidden or removed leaderboard entry's owner reads the reason: it is required there, and prediction-service's limit holds.
  const entry = report.targetType === 'LEADERBOARD_ENTRY' && (action === 'HIDE' || action === 'REMOVE');
  const max = entry ? LEADERBOARD_REASON_MAX : NOTE_MAX;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = note.trim();
    const problem = entry && trimmed === '' ? t('moderation.noteRequired') : trimmed.length > max ? t('moderation.noteTooLong', { max }) : undefined;
    setNoteError(problem);
    if (problem) return;
    decide.mutate(
      { report, action, note: trimmed },
      {
        onSuccess: () => onDone(t(`moderation.done.${action}`, { what: report.targetPreview ?? t(`moderation.noPreview.${report.targetType}`) })),
        onError: (error) => setNoteError(problems.field(error, 'note') ?? problems.field(error, 'reason')),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="decision" data-testid="decision-form">
      {actions.length > 1 && (
        <fieldset>
          <legend>{t('moderation.what')}</legend>
          {actions.map((each) => (
            <label key={each}>
              <input type="radio" name={groupName} value={each} checked={action === each} onChange={() => setAction(each)} /> {t(`moderation.action.${each}`)}
            </label>
          ))}
        </fieldset>
      )}
      <TextArea
        name="note"
        label={entry ? t('moderation.reasonForOwner') : t('moderation.note')}
        hint={t('moderation.noteHint', { max })}
        rows={2}
        value={note}
        error={noteError}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" variant={action === 'REMOVE' ? 'danger' : 'secondary'} busy={decide.isPending} data-testid="decision-submit">
        {t(`moderation.submit.${action}`)}
      </Button>
      {decide.error && !noteError ? <Notice tone="error">{problems.message(decide.error)}</Notice> : null}
    </form>
  );
}
