import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice, Select, TextArea } from '../ui';
import { AdminNav } from './AdminNav';
import { AdminOnly } from './AdminOnly';
import { DECIDED, NOTE_MAX, useDecide, usePartnerRequests, type DecidedStatus, type Decision, type PartnerAccessItem } from './partnerApi';

/** /admin/partners — the partner-access queue: approve or reject pending requests; revoke an approved partner. */
export function PartnersPage() {
  return (
    <AdminOnly>
      <Partners />
    </AdminOnly>
  );
}

function Partners() {
  const { t } = useTranslation('admin');
  const headingId = useId();
  const [decided, setDecided] = useState<DecidedStatus>('APPROVED');
  const [done, setDone] = useState('');
  useDocumentTitle(t('partners.title'));

  return (
    <section aria-labelledby={headingId} className="admin admin-partners">
      <AdminNav />
      <h1 id={headingId}>{t('partners.title')}</h1>
      <p>{t('partners.intro')}</p>
      <p role="status" data-testid="partners-done">{done}</p>
      <h2>{t('partners.pending')}</h2>
      <RequestList status="PENDING" onDone={setDone} empty={t('partners.noPending')} testId="pending" />
      <h2>{t('partners.decided')}</h2>
      <Select label={t('partners.show')} value={decided} onChange={(event) => setDecided(event.target.value as DecidedStatus)}>
        {DECIDED.map((status) => (
          <option key={status} value={status}>
            {t(`partners.status.${status}`)}
          </option>
        ))}
      </Select>
      <RequestList status={decided} onDone={setDone} empty={t('partners.noDecided')} testId="decided" />
    </section>
  );
}

function RequestList({ status, onDone, empty, testId }: { status: 'PENDING' | DecidedStatus; onDone: (text: string) => void; empty: string; testId: string }) {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const requests = usePartnerRequests(status);
  if (requests.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (requests.isError)
    return (
      <Notice tone="error" title={t('partners.loadFailed')}>
        <p>{problems.message(requests.error)}</p>
      </Notice>
    );
  if (requests.data.length === 0) return <p data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <ul className="admin-partner-list" data-testid={testId}>
      {requests.data.map((item) => (
        <PartnerRequest key={item.memberId} item={item} onDone={onDone} />
      ))}
    </ul>
  );
}

function PartnerRequest({ item, onDone }: { item: PartnerAccessItem; onDone: (text: string) => void }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const problems = useProblemText();
  const decide = useDecide();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [revoking, setRevoking] = useState(false);
  const noteField = useRef<HTMLDivElement>(null);
  const decisions: Decision[] = item.status === 'PENDING' ? ['approval', 'rejection'] : item.status === 'APPROVED' ? ['revocation'] : [];
  const showForm = item.status === 'PENDING' || (item.status === 'APPROVED' && revoking);

  useEffect(() => {
    if (revoking) noteField.current?.querySelector('textarea')?.focus();
  }, [revoking]);

  const send = (decision: Decision) => {
    const text = note.trim();
    // A rejection or a revocation says why; an approval may.
    if (text.length > NOTE_MAX || (decision !== 'approval' && !text)) {
      setNoteError(t('partners.noteInvalid', { max: NOTE_MAX }));
      return;
    }
    setNoteError(undefined);
    decide.mutate(
      { memberId: item.memberId, decision, note: text || undefined },
      { onSuccess: () => onDone(t(`partners.done.${decision}`, { name: item.displayName, organisation: item.organisation })) },
    );
  };

  return (
    <li className="admin-partner" data-testid="partner-request" data-member-id={item.memberId}>
      <h3>
        {item.organisation} <small>· {t(`partners.status.${item.status}`)}</small>
      </h3>
      <dl>
        <dt>{t('partners.member')}</dt>
        <dd>
          <Link to={`/admin/members/${encodeURIComponent(item.memberId)}`}>{item.displayName}</Link> ({item.email})
        </dd>
        {item.website && (
          <>
            <dt>{t('partners.website')}</dt>
            <dd>
              <a href={item.website} rel="noopener noreferrer nofollow" target="_blank">{item.website}</a>
            </dd>
          </>
        )}
        <dt>{t('partners.purpose')}</dt>
        <dd className="admin-partner__purpose">{item.purpose}</dd>
        <dt>{t('partners.requestedAt')}</dt>
        <dd>{format.dateTime(item.requestedAt)}</dd>
        {item.decidedAt && (
          <>
            <dt>{t('partners.decidedAt')}</dt>
            <dd>{format.dateTime(item.decidedAt)}</dd>
          </>
        )}
        {item.decisionNote && (
          <>
            <dt>{t('partners.note')}</dt>
            <dd>{item.decisionNote}</dd>
          </>
        )}
      </dl>
      {item.status === 'APPROVED' && !revoking && (
        <Button variant="danger" onClick={() => setRevoking(true)}
          aria-label={t('partners.revokeNamed', { organisation: item.organisation })}>
          {t('partners.revoke')}
        </Button>
      )}
      {showForm && decisions.length > 0 && (
        <div className="admin-partner__decide" ref={noteField}>
          <TextArea label={t(item.status === 'PENDING' ? 'partners.noteLabel' : 'partners.revokeNote')} rows={2} value={note}
            error={noteError ?? problems.field(decide.error, 'note')} onChange={(event) => setNote(event.target.value)}
            hint={item.status === 'PENDING' ? t('partners.noteHint') : undefined} />
          <div className="admin-partner__buttons">
            {decisions.map((decision) => (
              <Button key={decision} variant={decision === 'approval' ? 'primary' : 'danger'} busy={decide.isPending && decide.variables?.decision === decision}
                disabled={decide.isPending} onClick={() => send(decision)}
                aria-label={t(`partners.decisionNamed.${decision}`, { organisation: item.organisation })}>
                {t(`partners.decision.${decision}`)}
              </Button>
            ))}
            {item.status === 'APPROVED' && (
              <Button variant="plain" onClick={() => setRevoking(false)}>{t('partners.cancel')}</Button>
            )}
          </div>
        </div>
      )}
      {decide.isError && <Notice tone="error">{problems.message(decide.error)}</Notice>}
    </li>
  );
}
