import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useSession } from '../auth/session';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice, TextArea } from '../ui';
import { AdminNav } from './AdminNav';
import { AdminOnly } from './AdminOnly';
import { AuditList } from './AuditList';
import { REASON_MAX, useAdminMember, useSetAdmin, useSuspension, type AdminMember } from './api';

/** /admin/members/:id — one member: their state and roles, suspension, and their audit events. */
export function MemberPage() {
  const { id = '' } = useParams();
  return (
    <AdminOnly>
      <Member id={id} />
    </AdminOnly>
  );
}

function Member({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const format = useFormat();
  const member = useAdminMember(id);
  const headingId = useId();
  useDocumentTitle(member.data?.displayName ?? t('member.title'));

  if (member.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (member.isError)
    return (
      <Notice tone="error" title={t('member.loadFailed')}>
        <p>{problems.message(member.error)}</p>
      </Notice>
    );
  const data = member.data;
  return (
    <section aria-labelledby={headingId} className="admin admin-member">
      <AdminNav />
      <h1 id={headingId}>{data.displayName}</h1>
      <dl data-testid="member-state">
        <dt>{t('members.email')}</dt>
        <dd>{data.email}</dd>
        <dt>{t('member.kind')}</dt>
        <dd>{data.kind}</dd>
        <dt>{t('members.roles')}</dt>
        <dd data-testid="member-roles">{data.roles.map((role) => t(`role.${role}`, { defaultValue: role })).join(', ')}</dd>
        <dt>{t('member.emailVerified')}</dt>
        <dd>{data.emailVerified ? t('yes') : t('no')}</dd>
        <dt>{t('member.twoFactor')}</dt>
        <dd>{data.twoFactorEnabled ? t('yes') : t('no')}</dd>
        <dt>{t('member.since')}</dt>
        <dd>{format.dateTime(data.memberSince)}</dd>
        <dt>{t('member.suspended')}</dt>
        <dd data-testid="member-suspension">
          {data.suspendedAt
            ? t('member.suspendedSince', { when: format.dateTime(data.suspendedAt), reason: data.suspensionReason ?? '' })
            : t('member.notSuspended')}
        </dd>
      </dl>
      <AdminRole member={data} />
      <Suspension member={data} />
      <h2>{t('member.events')}</h2>
      <AuditList memberId={data.id} showMember={false} />
    </section>
  );
}

function AdminRole({ member }: { member: AdminMember }) {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const setAdmin = useSetAdmin(member.id);
  const isAdmin = member.roles.includes('ADMIN');
  return (
    <div className="admin-role">
      {setAdmin.isError && <Notice tone="error">{problems.message(setAdmin.error)}</Notice>}
      <Button variant="secondary" busy={setAdmin.isPending} onClick={() => setAdmin.mutate(!isAdmin)}>
        {isAdmin ? t('member.revokeAdmin') : t('member.grantAdmin')}
      </Button>
    </div>
  );
}

function Suspension({ member }: { member: AdminMember }) {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const { member: me } = useSession();
  const suspension = useSuspension(member.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const headingId = useId();
  if (me?.id === member.id) return null;

  const suspend = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text || text.length > REASON_MAX) {
      setError(t('suspension.reasonInvalid', { max: REASON_MAX }));
      return;
    }
    setError(undefined);
    suspension.mutate({ suspend: true, reason: text }, { onSuccess: () => { setReason(''); setDone(t('suspension.suspended')); } });
  };

  return (
    <section aria-labelledby={headingId} className="admin-suspension">
      <h2 id={headingId}>{t('suspension.title')}</h2>
      <p>{t('suspension.intro')}</p>
      <p role="status" data-testid="suspension-done">{done}</p>
      {suspension.isError && <Notice tone="error">{problems.message(suspension.error)}</Notice>}
      <form onSubmit={suspend} noValidate>
        <TextArea label={t('suspension.reason')} value={reason} maxLength={REASON_MAX} error={error}
          onChange={(event) => setReason(event.target.value)} />
        <Button type="submit" variant="primary" busy={suspension.isPending && suspension.variables?.suspend === true}>
          {t('suspension.suspend')}
        </Button>
      </form>
      <Button variant="secondary" busy={suspension.isPending && suspension.variables?.suspend === false}
        onClick={() => suspension.mutate({ suspend: false }, { onSuccess: () => setDone(t('suspension.reinstated')) })}>
        {t('suspension.reinstate')}
      </Button>
    </section>
  );
}
