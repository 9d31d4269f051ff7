import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Format } from '../../i18n/useFormat';
import type { LyricsExplanation, Word } from '../types';
import { SectionHeading } from '../headings';
import { heatColor, heatIntensity } from './heatScale';

interface WordChipsProps {
  lyrics: LyricsExplanation;
  /**
   * The result's one colour scale, shared with the heat strip: given when the contributions are in one currency
   * (the combined logit), so that each chip shows its contribution and a swatch that means what the strip's colour
   * means. Absent for an analysis kept before that, whose word contributions are the lyrics model's own.
   */
  maxAbs?: number;
}

/**
 * The lyric words that raised and lowered the score, as chips, and the words the model did not know as one item.
 * Colour is never the only cue: each list has a heading, and each chip an arrow, its signed contribution and, for
 * screen readers, what it did.
 */
export function WordChips({ lyrics, maxAbs }: WordChipsProps) {
  const { t } = useTranslation('analysis');
  const titleId = useId();
  const none = lyrics.raised.length === 0 && lyrics.lowered.length === 0;
  const unknown = lyrics.unknownContribution;
  const unknownItem = maxAbs !== undefined && typeof unknown === 'number' && lyrics.unknownTokens > 0;
  return (
    <section className="words" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('words.title')}</SectionHeading>
      {none ? (
        <p>{t('words.none')}</p>
      ) : (
        <div className="words__lists">
          <ChipList title={t('words.raised')} words={lyrics.raised} direction="up" maxAbs={maxAbs} />
          <ChipList title={t('words.lowered')} words={lyrics.lowered} direction="down" maxAbs={maxAbs} />
        </div>
      )}
      {unknownItem ? (
        <div className="words__unknown">
          <ul className="chips">
            <Chip
              label={t('words.unknownItem', { count: lyrics.unknownTokens })}
              contribution={unknown}
              direction={unknown > 0 ? 'up' : unknown < 0 ? 'down' : 'none'}
              maxAbs={maxAbs}
              testId="chip-unknown"
            />
          </ul>
          <p className="words__note">{t('words.unknownNote')}</p>
        </div>
      ) : (
        lyrics.unknownTokens > 0 && <p className="words__note">{t('words.unknown', { count: lyrics.unknownTokens })}</p>
      )}
      {lyrics.truncated && <p className="words__note">{t('words.truncated')}</p>}
    </section>
  );
}

function ChipList({ title, words, direction, maxAbs }: { title: string; words: Word[]; direction: 'up' | 'down'; maxAbs?: number }) {
  const { t } = useTranslation('analysis');
  return (
    <div className={`words__list words__list--${direction}`}>
      <SectionHeading sub>{title}</SectionHeading>
      {words.length === 0 ? (
        <p className="words__empty">{t('words.emptyList')}</p>
      ) : (
        <ul className="chips">
          {words.map((word) => (
            <Chip
              key={word.word}
              label={word.word}
              occurrences={word.occurrences}
              contribution={word.contribution}
              direction={direction}
              maxAbs={maxAbs}
              testId={`chip-${direction}`}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface ChipProps {
  label: string;
  occurrences?: number;
  contribution: number;
  direction: 'up' | 'down' | 'none';
  maxAbs?: number;
  testId: string;
}

function Chip({ label, occurrences, contribution, direction, maxAbs, testId }: ChipProps) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const scaled = maxAbs !== undefined;
  const intensity = scaled ? heatIntensity(contribution, maxAbs) : 0;
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '●';
  return (
    <li className={`chip chip--${direction}`} data-testid={testId} data-intensity={scaled ? intensity.toFixed(3) : undefined}>
      {scaled && <span className="chip__heat" style={{ background: heatColor(intensity) }} aria-hidden="true" data-testid="chip-heat" />}
      <span aria-hidden="true">{arrow} </span>
      {label}
      {occurrences !== undefined && occurrences > 1 && <span className="chip__count"> ×{occurrences}</span>}
      {scaled && <span className="chip__value"> {contributionText(format, contribution)}</span>}
      {direction !== 'none' && (
        <span className="visually-hidden">, {t(direction === 'up' ? 'words.raisedOne' : 'words.loweredOne')}</span>
      )}
    </li>
  );
}

/**
 * A contribution as signed text, "+0.35" / "−0.20": the sign says the direction where the colour cannot; small ones get
 * a third digit, so that a word's 0.004 does not read as nothing.
 */
export function contributionText(format: Format, value: number): string {
  const text = format.number(value, Math.abs(value) >= 0.1 ? 2 : 3);
  return value > 0 ? `+${text}` : text;
}
