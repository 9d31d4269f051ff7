import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, Notice, TextField } from '../ui';
import { askPasswordReset } from './mail';

/** `/forgot-password`: a reset link by mail. Says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('email');
  const { t: common } = useTranslation();
  useDocumentTitle(t('forgot.title'));
  const problems = useProblemText();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await askPasswordReset(email.trim());
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const emailError = problems.field(error, 'email');
  return (
    <section className="auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {sent ? (
        <>
          <Notice tone="success">{t('forgot.sent', { email: email.trim() })}</Notice>
          <p>{t('forgot.sentHint')}</p>
          <p>
            <Link to="/login">{t('verify.toLogin')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form onSubmit={submit} noValidate>
            <TextField
              label={common('field.email')}
              type="email"
              name="email"
              autoComplete="email"
              required
              maxLength={254}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={emailError}
            />
            {Boolean(error) && !emailError && <Notice tone="error">{problems.message(error)}</Notice>}
            <Button type="submit" busy={busy}>
              {t('forgot.submit')}
            </Button>
          </form>
          <p>
            <Link to="/login">{t('forgot.remembered')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
