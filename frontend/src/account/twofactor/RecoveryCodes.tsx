import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice } from '../../ui';

/** The ten recovery codes, shown once: copy them or save them as a text file, then confirm. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n') + '\n';

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'hitter-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="recovery-codes">
      <Notice tone="warning" title={t('twoFactor.codesTitle')}>
        {t('twoFactor.codesIntro')}
      </Notice>
      <ol className="recovery-codes__list" data-testid="recovery-codes" aria-label={t('twoFactor.codesTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('twoFactor.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('twoFactor.download')}
        </Button>
        <Button onClick={onDone}>{t('twoFactor.codesSaved')}</Button>
      </div>
      {copied && <Notice tone="success">{t('twoFactor.copied')}</Notice>}
    </div>
  );
}
