import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../api/problem';
import { Button, Notice, TextField } from '../ui';
import { useChangePassword } from './api';

/** A new password, proven with the current one; every other session ends. */
export function PasswordSection() {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation('common');
  const problems = useProblemText();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setDone(true);
    } catch {
      // Shown from change.error below.
    }
  }

  const error = change.error;
  const currentWrong = isApiError(error) && error.type === 'current-password-wrong';
  const currentError = currentWrong ? t('password.currentWrong') : problems.field(error, 'currentPassword');
  const newError = problems.field(error, 'newPassword');
  const general = error && !currentError && !newError ? problems.message(error) : undefined;

  return (
    <section className="account-section" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <p>{t('password.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('password.current')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={currentError}
        />
        <TextField
          label={t('password.new')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={newError}
          hint={common('signup.passwordRule')}
        />
        {general && <Notice tone="error">{general}</Notice>}
        {done && <Notice tone="success">{t('password.changed')}</Notice>}
        <Button type="submit" busy={change.isPending}>
          {t('password.submit')}
        </Button>
      </form>
    </section>
  );
}
