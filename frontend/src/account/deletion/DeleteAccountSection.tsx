import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import { Button, Notice, TextField } from '../../ui';
import { useTwoFactorStatus } from '../api';
import { useDeleteAccount } from './api';

/**
 * "Delete account": says plainly what goes and what stays, asks for the password (and the two-factor code when it is
 * on) and an explicit confirmation, then signs out to the goodbye page.
 */
export function DeleteAccountSection() {
  const { t } = useTranslation('account');
  const problems = useProblemText();
  const twoFactor = useTwoFactorStatus();
  const deletion = useDeleteAccount();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [code, setCode] = useState('');
  const [understood, setUnderstood] = useState(false);
  const needsCode = twoFactor.data?.enabled === true;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!understood) return;
    try {
      await deletion.mutateAsync({ currentPassword, ...(needsCode ? { code: code.trim() } : {}) });
    } catch {
      return; // Shown from deletion.error below.
    }
    // The goodbye page signs out once it is shown: signing out here, still inside the signed-in pages, would send
    // the browser to the login page before the navigation lands.
    navigate('/goodbye', { replace: true, state: { deleted: true } });
  }

  const error = deletion.error;
  const passwordError =
    isApiError(error) && error.type === 'current-password-wrong'
      ? t('delete.passwordWrong')
      : problems.field(error, 'currentPassword');
  const codeError =
    isApiError(error) && error.type === 'second-factor-wrong' ? t('delete.codeWrong') : problems.field(error, 'code');
  const general = error && !passwordError && !codeError ? problems.message(error) : undefined;

  return (
    <section className="account-section account-danger" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('delete.title')}</h2>
      <p>{t('delete.intro')}</p>
      <ul>
        <li>{t('delete.goes')}</li>
        <li>{t('delete.stays')}</li>
        <li>{t('delete.final')}</li>
      </ul>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('delete.password')}
          type="password"
          name="deletePassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={passwordError}
        />
        {needsCode && (
          <TextField
            label={t('delete.code')}
            name="deleteCode"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={codeError}
            hint={t('delete.codeHint')}
          />
        )}
        <label className="account-confirm">
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />{' '}
          {t('delete.understand')}
        </label>
        {general && <Notice tone="error">{general}</Notice>}
        <Button type="submit" variant="danger" busy={deletion.isPending} disabled={!understood || currentPassword === ''}>
          {t('delete.submit')}
        </Button>
      </form>
    </section>
  );
}
