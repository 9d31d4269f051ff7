import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { LogitParts } from '../types';
import { SectionHeading } from '../headings';
import { contributionText } from './WordChips';

/** Below this a residual is rounding (about 1e-6 for the trainer's networks) and not worth a line. */
const SHOWN_RESIDUAL = 0.0005;

/**
 * How the score adds up, in the one currency of the strip and the chips: the baseline (bias), the audio, the known
 * words and the unknown words give the combined logit, which is the hit probability. An analysis kept before that
 * (no `logit`) says instead that its audio and word contributions are on different scales.
 */
export function LogitLedger({ logit, hitProbability }: { logit?: LogitParts | null; hitProbability: number }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const titleId = useId();
  if (!logit) {
    return (
      <p className="ledger__older" data-testid="ledger-older">
        {t('ledger.older')}
      </p>
    );
  }
  const rows: [string, number, string][] = [
    [t('ledger.bias'), logit.bias, 'ledger-bias'],
    [t('ledger.audio'), logit.audio, 'ledger-audio'],
    [t('ledger.words'), logit.words, 'ledger-words'],
    [t('ledger.unknownWords'), logit.unknownWords, 'ledger-unknown'],
  ];
  if (Math.abs(logit.residual) >= SHOWN_RESIDUAL) rows.push([t('ledger.residual'), logit.residual, 'ledger-residual']);
  return (
    <section className="ledger" aria-labelledby={titleId} data-testid="ledger">
      <SectionHeading id={titleId}>{t('ledger.title')}</SectionHeading>
      <p>{t('ledger.intro')}</p>
      <dl className="ledger__rows">
        {rows.map(([label, value, testId]) => (
          <div key={testId} className="ledger__row">
            <dt>{label}</dt>
            <dd data-testid={testId}>{contributionText(format, value)}</dd>
          </div>
        ))}
        <div className="ledger__row ledger__row--total">
          <dt>{t('ledger.total')}</dt>
          <dd data-testid="ledger-total">
            {t('ledger.totalValue', { logit: format.number(logit.value, 2), probability: format.percent(hitProbability) })}
          </dd>
        </div>
      </dl>
    </section>
  );
}
