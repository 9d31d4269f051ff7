import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError, useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, Notice, TextField } from '../ui';
import { TwoFactorLoginStep } from '../account/twofactor/TwoFactorLoginStep';
import { safeNext, TwoFactorNeeded, useSession } from './session';

/** Sign in; afterwards back to the page that asked for it (?next=, same app only). */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const { status, logIn } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const problems = useProblemText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Set when the password was right and the member has two-factor on: the code step shows instead.
  const [challenge, setChallenge] = useState<string>();
  const [expired, setExpired] = useState(false);

  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const wrongCredentials = isApiError(error) && error.type === 'invalid-credentials';
  const emailError = problems.field(error, 'email');
  const passwordError = wrongCredentials ? t('login.wrongCredentials') : problems.field(error, 'password');
  const general = error && !wrongCredentials && !emailError && !passwordError ? problems.message(error) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setExpired(false);
    try {
      await logIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (caught) {
      if (caught instanceof TwoFactorNeeded) setChallenge(caught.challenge);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (challenge) {
    return (
      <TwoFactorLoginStep
        challenge={challenge}
        onSignedIn={() => navigate(next, { replace: true })}
        onExpired={() => {
          setChallenge(undefined);
          setPassword('');
          setExpired(true);
        }}
      />
    );
  }

  return (
    <section className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {next !== '/' && <Notice tone="info">{t('login.needed')}</Notice>}
      {expired && <Notice tone="warning">{t('twoFactorLogin.expired', { ns: 'account' })}</Notice>}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('field.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
        />
        <TextField
          label={t('field.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={passwordError}
        />
        {general && <Notice tone="error">{general}</Notice>}
        <Button type="submit" busy={busy}>
          {t('login.submit')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('forgot.link', { ns: 'email' })}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('login.toSignup')}</Link>
      </p>
    </section>
  );
}
