import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { openLinkOnce } from '../../auth/mail';
import { session, useSession } from '../../auth/session';
import { Notice } from '../../ui';
import { confirmEmailChange } from './api';

type Outcome = { state: 'working' } | { state: 'done' } | { state: 'refused'; error: unknown };

/** `/confirm-email-change?token=` (members only): the link mailed to the new address moves the account there. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation('email');
  useDocumentTitle(t('confirmChange.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { member } = useSession();
  const problems = useProblemText();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'working' });

  useEffect(() => {
    let current = true;
    if (!token) {
      setOutcome({ state: 'refused', error: undefined });
      return;
    }
    openLinkOnce(`change:${token}`, async () => {
      await confirmEmailChange(token);
      await session.reload().catch(() => undefined);
    }).then(
      () => current && setOutcome({ state: 'done' }),
      (error: unknown) => current && setOutcome({ state: 'refused', error }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <section className="auth-page" aria-labelledby="confirm-change-title" aria-busy={outcome.state === 'working'}>
      <h1 id="confirm-change-title">{t('confirmChange.title')}</h1>
      {outcome.state === 'working' && <p>{t('verify.working')}</p>}
      {outcome.state === 'done' && <Notice tone="success">{t('confirmChange.done', { email: member?.email ?? '' })}</Notice>}
      {outcome.state === 'refused' && (
        <Notice tone="error">
          {!isApiError(outcome.error) || outcome.error.type === 'invalid-link' || outcome.error.type === 'validation-failed'
            ? t('confirmChange.invalid')
            : problems.message(outcome.error)}
        </Notice>
      )}
      <p>
        <Link to="/">{t('verify.toHome')}</Link>
      </p>
    </section>
  );
}
