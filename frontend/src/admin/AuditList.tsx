import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { allItems, useAudit } from './api';

/** The audit log, newest first, a page at a time: everyone's, or one member's. */
export function AuditList({ memberId, kind, showMember = true }: { memberId?: string; kind?: string; showMember?: boolean }) {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const format = useFormat();
  const audit = useAudit(memberId, kind);
  const entries = allItems(audit.data);

  if (audit.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (audit.isError)
    return (
      <Notice tone="error" title={t('audit.loadFailed')}>
        <p>{problems.message(audit.error)}</p>
      </Notice>
    );
  if (entries.length === 0) return <p data-testid="audit-empty">{t('audit.empty')}</p>;
  return (
    <>
      <div className="admin-table">
        <table data-testid="audit">
          <caption className="visually-hidden">{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.kind')}</th>
              {showMember && <th scope="col">{t('audit.member')}</th>}
              <th scope="col">{t('audit.from')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td>{format.dateTime(entry.occurredAt)}</td>
                <td>
                  <code>{entry.kind}</code>
                  {entry.source !== 'auth-service' && <small className="muted"> · {entry.source}</small>}
                </td>
                {showMember && (
                  <td>
                    {entry.memberId ? (
                      <Link to={`/admin/members/${encodeURIComponent(entry.memberId)}`}>{t('audit.openMember')}</Link>
                    ) : (
                      <span className="muted">{t('audit.noMember')}</span>
                    )}
                  </td>
                )}
                <td>
                  {entry.clientAddress ?? '—'}
                  {entry.userAgent && (
                    <>
                      <br />
                      <small className="muted">{entry.userAgent}</small>
                    </>
                  )}
                </td>
                <td>
                  {entry.detail ?? ''}
                  {entry.actorId && (
                    <>
                      {' '}
                      <small className="muted">{t('audit.by', { actor: entry.actorId })}</small>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {audit.hasNextPage && (
        <Button variant="secondary" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
          {t('more')}
        </Button>
      )}
    </>
  );
}
