import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../../api/problem';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice, TextField } from '../../ui';
import { useDisableTwoFactor, useEnableTwoFactor, useSetUpTwoFactor, useTwoFactorStatus } from '../api';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Two-factor sign-in: off → set up (QR code and secret) → enabled with a first code → recovery codes shown once;
 * on → off again with the password and a code.
 */
export function TwoFactorSection() {
  const { t } = useTranslation('account');
  const problems = useProblemText();
  const format = useFormat();
  const status = useTwoFactorStatus();
  const [codes, setCodes] = useState<string[]>();

  let body;
  if (codes) body = <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />;
  else if (status.isError) body = <Notice tone="error">{problems.message(status.error)}</Notice>;
  else if (!status.data) body = null;
  else if (status.data.enabled)
    body = (
      <>
        <p data-testid="two-factor-state">
          {t('twoFactor.on', { since: status.data.enabledAt ? format.date(status.data.enabledAt) : '' })}{' '}
          {t('twoFactor.codesLeft', { count: status.data.recoveryCodesLeft })}
        </p>
        <DisableForm />
      </>
    );
  else body = <SetUp onEnabled={setCodes} />;

  return (
    <section className="account-section" aria-labelledby="two-factor-title" aria-busy={status.isPending || undefined}>
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      {body}
    </section>
  );
}

function SetUp({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation('account');
  const problems = useProblemText();
  const setUp = useSetUpTwoFactor();
  const enable = useEnableTwoFactor();
  const [code, setCode] = useState('');

  if (!setUp.data) {
    return (
      <>
        <p data-testid="two-factor-state">{t('twoFactor.off')}</p>
        {setUp.error && <Notice tone="error">{problems.message(setUp.error)}</Notice>}
        <Button busy={setUp.isPending} onClick={() => setUp.mutate()}>
          {t('twoFactor.setUp')}
        </Button>
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const answer = await enable.mutateAsync(code.trim());
      onEnabled(answer.recoveryCodes);
    } catch {
      // Shown below.
    }
  }

  const codeError = isApiError(enable.error) && enable.error.fieldErrors.code !== undefined ? t('twoFactor.codeWrong') : undefined;
  return (
    <div className="two-factor-setup">
      <ol>
        <li>{t('twoFactor.step1')}</li>
        <li>
          {t('twoFactor.step2')}
          <div className="two-factor-setup__qr">
            <QrCode value={setUp.data.otpauthUri} label={t('twoFactor.qrLabel')} />
          </div>
          <p>
            {t('twoFactor.secretIntro')} <code data-testid="two-factor-secret">{setUp.data.secret}</code>
          </p>
        </li>
        <li>
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('twoFactor.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={codeError}
            />
            {enable.error && !codeError && <Notice tone="error">{problems.message(enable.error)}</Notice>}
            <Button type="submit" busy={enable.isPending}>
              {t('twoFactor.enable')}
            </Button>
          </form>
        </li>
      </ol>
    </div>
  );
}

function DisableForm() {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation('common');
  const problems = useProblemText();
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const entered = code.trim();
      // Six digits are the app's code; anything else is taken for a recovery code.
      await disable.mutateAsync(/^\d{3} ?\d{3}$/.test(entered) ? { password, code: entered } : { password, recoveryCode: entered });
      setPassword('');
      setCode('');
    } catch {
      // Shown below.
    }
  }

  const error = disable.error;
  const fields = isApiError(error) ? error.fieldErrors : {};
  const passwordError = fields.password !== undefined ? t('password.currentWrong') : undefined;
  const codeError = fields.code !== undefined || fields.recoveryCode !== undefined ? t('twoFactor.codeWrong') : undefined;
  return (
    <form onSubmit={submit} noValidate className="two-factor-disable">
      <h3>{t('twoFactor.disableTitle')}</h3>
      <TextField
        label={common('field.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError}
      />
      <TextField
        label={t('twoFactor.codeOrRecovery')}
        name="code"
        autoComplete="one-time-code"
        maxLength={11}
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
      />
      {error && !passwordError && !codeError && <Notice tone="error">{problems.message(error)}</Notice>}
      <Button type="submit" variant="danger" busy={disable.isPending}>
        {t('twoFactor.disable')}
      </Button>
    </form>
  );
}
