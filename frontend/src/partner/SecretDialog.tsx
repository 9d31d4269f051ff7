import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice } from '../ui';
import type { IssuedSecret } from './api';

/**
 * A client's secret, the one time the server ever sends it: a modal that only "I have saved it" closes (Escape
 * would lose the secret by accident), with copy buttons and the warning said plainly. Focus moves into it and
 * stays there; it goes back to where it was when the dialog closes.
 */
export function SecretDialog({ issued, name, onClose }: { issued: IssuedSecret; name: string; onClose: () => void }) {
  const { t } = useTranslation('partner');
  const titleId = useId();
  const warningId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const [copied, setCopied] = useState<'secret' | 'id' | 'failed'>();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    copyButton.current?.focus();
    return () => opener?.focus();
  }, []);

  async function copy(what: 'secret' | 'id') {
    try {
      await navigator.clipboard.writeText(what === 'secret' ? issued.clientSecret : issued.clientId);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  }

  // Tab and Shift+Tab go round the dialog's own controls: what is behind it cannot be reached while it is open.
  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const controls = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], input, [tabindex]:not([tabindex="-1"])')];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="secret-dialog__backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={warningId}
        className="secret-dialog" data-testid="secret-dialog" onKeyDown={keepFocusInside}>
        <h2 id={titleId}>{t('secret.title', { name })}</h2>
        <p id={warningId} className="secret-dialog__warning">
          <strong>{t('secret.warning')}</strong>
        </p>
        <dl className="secret-dialog__values">
          <dt>{t('secret.clientId')}</dt>
          <dd>
            <code data-testid="issued-client-id">{issued.clientId}</code>
          </dd>
          <dt>{t('secret.clientSecret')}</dt>
          <dd>
            <code data-testid="issued-client-secret">{issued.clientSecret}</code>
          </dd>
        </dl>
        <div className="partner-actions">
          <button ref={copyButton} type="button" className="secondary" onClick={() => void copy('secret')}>
            {t('secret.copy')}
          </button>
          <Button variant="secondary" onClick={() => void copy('id')}>
            {t('secret.copyId')}
          </Button>
          <Button onClick={onClose}>{t('secret.done')}</Button>
        </div>
        {copied === 'failed' ? (
          <Notice tone="warning">{t('secret.copyFailed')}</Notice>
        ) : copied ? (
          <Notice tone="success">{t('secret.copied')}</Notice>
        ) : null}
      </div>
    </div>
  );
}
