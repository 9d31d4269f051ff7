import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError, useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Notice } from '../ui';
import { openLinkOnce, verifyEmail } from './mail';
import { session, useSession } from './session';

type Outcome = { state: 'verifying' } | { state: 'verified' } | { state: 'refused'; error: unknown };

/** `/verify-email?token=`: where the link mailed at sign-up lands. Works signed in or not (another device). */
export function VerifyEmailPage() {
  const { t } = useTranslation('email');
  useDocumentTitle(t('verify.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status } = useSession();
  const problems = useProblemText();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'verifying' });

  useEffect(() => {
    // Wait until it is known whether someone is signed in: their access token must be renewed afterwards.
    if (status === 'unknown') {
      void session.start();
      return;
    }
    let current = true;
    if (!token) {
      setOutcome({ state: 'refused', error: undefined });
      return;
    }
    openLinkOnce(`verify:${token}`, async () => {
      await verifyEmail(token);
      // A new access token says email_verified: what needed it (publishing, posting) works at once.
      await session.reload().catch(() => undefined);
    }).then(
      () => current && setOutcome({ state: 'verified' }),
      (error: unknown) => current && setOutcome({ state: 'refused', error }),
    );
    return () => {
      current = false;
    };
  }, [token, status]);

  return (
    <section className="auth-page" aria-labelledby="verify-title" aria-busy={outcome.state === 'verifying'}>
      <h1 id="verify-title">{t('verify.title')}</h1>
      {outcome.state === 'verifying' && <p>{t('verify.working')}</p>}
      {outcome.state === 'verified' && (
        <>
          <Notice tone="success">{t('verify.done')}</Notice>
          <p>
            {status === 'signedIn' ? (
              <Link to="/">{t('verify.toHome')}</Link>
            ) : (
              <Link to="/login">{t('verify.toLogin')}</Link>
            )}
          </p>
        </>
      )}
      {outcome.state === 'refused' && (
        <>
          <Notice tone="error">
            {!isApiError(outcome.error) || outcome.error.type === 'invalid-link' || outcome.error.type === 'validation-failed'
              ? t('link.invalid')
              : problems.message(outcome.error)}
          </Notice>
          <p>{status === 'signedIn' ? t('verify.askAgainSignedIn') : t('verify.askAgain')}</p>
          <p>
            <Link to={status === 'signedIn' ? '/' : '/login'}>{status === 'signedIn' ? t('verify.toHome') : t('verify.toLogin')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
