import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError, useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, Notice, TextField } from '../ui';
import { resetPassword } from './mail';
import { session } from './session';

/** `/reset-password?token=`: the link mailed by "forgot password"; a new password ends every session. */
export function ResetPasswordPage() {
  const { t } = useTranslation('email');
  const { t: common } = useTranslation();
  useDocumentTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const problems = useProblemText();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await resetPassword(token, password);
      // Every session ended on the server, this tab's too.
      if (session.getState().status === 'signedIn') await session.logOut();
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const invalidLink = !token || (isApiError(error) && (error.type === 'invalid-link' || 'token' in error.fieldErrors));
  const passwordError = problems.field(error, 'newPassword');
  const passwordMessage = passwordError && isApiError(error) && error.type === 'validation-failed' ? t('reset.weak') : passwordError;

  return (
    <section className="auth-page" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {done ? (
        <>
          <Notice tone="success">{t('reset.done')}</Notice>
          <p>
            <Link to="/login">{t('verify.toLogin')}</Link>
          </p>
        </>
      ) : invalidLink ? (
        <>
          <Notice tone="error">{t('link.invalid')}</Notice>
          <p>
            <Link to="/forgot-password">{t('reset.askAgain')}</Link>
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('reset.intro')}</p>
          <TextField
            label={t('reset.newPassword')}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            required
            maxLength={128}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={passwordMessage}
            hint={common('signup.passwordRule')}
          />
          {Boolean(error) && !passwordError && <Notice tone="error">{problems.message(error)}</Notice>}
          <Button type="submit" busy={busy}>
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
