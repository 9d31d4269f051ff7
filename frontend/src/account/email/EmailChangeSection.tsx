import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../../api/problem';
import { useSession } from '../../auth/session';
import { Button, Notice, TextField } from '../../ui';
import { requestEmailChange } from './api';

/**
 * The member's e-mail address and how to change it (embedded in the account page): the current password, then a
 * link mailed to the new address. Nothing changes until that link is opened.
 */
export function EmailChangeSection() {
  const { t } = useTranslation('email');
  const { member } = useSession();
  const problems = useProblemText();
  const titleId = useId();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await requestEmailChange(newEmail.trim(), password);
      setSentTo(newEmail.trim());
      setPassword('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const wrongPassword = isApiError(error) && error.type === 'current-password-wrong';
  const emailError = problems.field(error, 'newEmail');
  const passwordError = wrongPassword ? t('change.wrongPassword') : problems.field(error, 'currentPassword');
  const general = error && !emailError && !passwordError ? problems.message(error) : undefined;

  return (
    <section className="email-change" aria-labelledby={titleId} data-testid="email-change">
      <h2 id={titleId}>{t('change.title')}</h2>
      {member && (
        <p>
          {t('change.current', { email: member.email })}{' '}
          <strong>{member.emailVerified === false ? t('change.unverified') : t('change.verified')}</strong>
        </p>
      )}
      {sentTo && <Notice tone="success">{t('change.sent', { email: sentTo })}</Notice>}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('change.newEmail')}
          type="email"
          name="newEmail"
          autoComplete="email"
          required
          maxLength={254}
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
          error={emailError}
        />
        <TextField
          label={t('change.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          maxLength={128}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={passwordError}
          hint={t('change.passwordWhy')}
        />
        {general && <Notice tone="error">{general}</Notice>}
        <Button type="submit" busy={busy}>
          {t('change.submit')}
        </Button>
      </form>
    </section>
  );
}
