import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { Combination } from '../types';
import { SectionHeading } from '../headings';

interface ScoreBreakdownProps {
  audioScore: number;
  lyricsScore: number;
  combination: Combination;
}

/** The audio and lyrics scores side by side, and how the two became one number. */
export function ScoreBreakdown({ audioScore, lyricsScore, combination }: ScoreBreakdownProps) {
  const { t } = useTranslation('analysis');
  const titleId = useId();
  const format = useFormat();
  const share = Math.min(1, Math.max(0, combination.audioShare));
  return (
    <section className="scores" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('scores.title')}</SectionHeading>
      <div className="scores__pair">
        <Score label={t('scores.audio')} value={audioScore} testId="audio-score" />
        <Score label={t('scores.lyrics')} value={lyricsScore} testId="lyrics-score" />
      </div>
      <p className="scores__share">
        {t('scores.share', { audio: format.percent(share), lyrics: format.percent(1 - share) })}
      </p>
      <div className="scores__share-bar" aria-hidden="true">
        <span className="scores__share-audio" style={{ width: `${share * 100}%` }} />
      </div>
      <details className="scores__how">
        <summary>{t('scores.how')}</summary>
        <dl>
          <dt>{t('scores.method')}</dt>
          <dd>{combination.method}</dd>
          <dt>{t('scores.weights')}</dt>
          <dd>
            {t('scores.weightValues', {
              audio: format.number(combination.audioWeight, 2),
              lyrics: format.number(combination.lyricsWeight, 2),
              bias: format.number(combination.bias, 2),
            })}
          </dd>
        </dl>
        <p>{t('scores.formula')}</p>
      </details>
    </section>
  );
}

function Score({ label, value, testId }: { label: string; value: number; testId: string }) {
  const format = useFormat();
  const pinned = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  return (
    <div className="score" data-testid={testId}>
      <span className="score__label">{label}</span>
      <strong className="score__value">{format.percent(pinned)}</strong>
      <span className="score__bar" aria-hidden="true">
        <span style={{ width: `${pinned * 100}%` }} />
      </span>
    </div>
  );
}
