import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Button, Notice, TextField } from '../../ui';
import { useSession } from '../../auth/session';

interface Props {
  challenge: string;
  onSignedIn: () => void;
  /** The challenge is spent, expired or used: back to the password. */
  onExpired: () => void;
}

/** The second step of signing in with two-factor on: the authenticator app's code, or a recovery code. */
export function TwoFactorLoginStep({ challenge, onSignedIn, onExpired }: Props) {
  const { t } = useTranslation('account');
  useDocumentTitle(t('twoFactorLogin.title'));
  const { completeTwoFactor } = useSession();
  const problems = useProblemText();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // The step replaces the password form: move focus to it so that a screen reader announces it.
  useEffect(() => heading.current?.focus(), []);

  const field = useRecovery ? 'recoveryCode' : 'code';
  const wrong = isApiError(error) && error.type === 'invalid-two-factor-code';
  const fieldError = wrong ? t(useRecovery ? 'twoFactorLogin.wrongRecoveryCode' : 'twoFactorLogin.wrongCode') : problems.field(error, field);
  const general = error && !fieldError ? problems.message(error) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const entered = value.trim();
      await completeTwoFactor(challenge, useRecovery ? { recoveryCode: entered } : { code: entered });
      onSignedIn();
    } catch (caught) {
      if (isApiError(caught) && caught.type === 'invalid-two-factor-challenge') onExpired();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title" ref={heading} tabIndex={-1}>
        {t('twoFactorLogin.title')}
      </h1>
      <p>{t(useRecovery ? 'twoFactorLogin.recoveryIntro' : 'twoFactorLogin.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          key={field}
          label={t(useRecovery ? 'twoFactorLogin.recoveryCode' : 'twoFactorLogin.code')}
          name={field}
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete={useRecovery ? 'off' : 'one-time-code'}
          maxLength={useRecovery ? 11 : 7}
          required
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={fieldError}
        />
        {general && <Notice tone="error">{general}</Notice>}
        <Button type="submit" busy={busy}>
          {t('twoFactorLogin.submit')}
        </Button>
      </form>
      <p>
        <Button
          variant="plain"
          onClick={() => {
            setUseRecovery((was) => !was);
            setValue('');
            setError(undefined);
          }}
        >
          {t(useRecovery ? 'twoFactorLogin.useApp' : 'twoFactorLogin.useRecovery')}
        </Button>
      </p>
    </section>
  );
}
