import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LyricsExplanation, Word } from '../types';
import { SectionHeading } from '../headings';

/**
 * The lyric words that raised and lowered the score, as chips. Colour is never the only cue: each list has a
 * heading, and each chip an arrow and, for screen readers, what it did.
 */
export function WordChips({ lyrics }: { lyrics: LyricsExplanation }) {
  const { t } = useTranslation('analysis');
  const titleId = useId();
  const none = lyrics.raised.length === 0 && lyrics.lowered.length === 0;
  return (
    <section className="words" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('words.title')}</SectionHeading>
      {none ? (
        <p>{t('words.none')}</p>
      ) : (
        <div className="words__lists">
          <ChipList title={t('words.raised')} words={lyrics.raised} direction="up" />
          <ChipList title={t('words.lowered')} words={lyrics.lowered} direction="down" />
        </div>
      )}
      {lyrics.unknownTokens > 0 && <p className="words__note">{t('words.unknown', { count: lyrics.unknownTokens })}</p>}
      {lyrics.truncated && <p className="words__note">{t('words.truncated')}</p>}
    </section>
  );
}

function ChipList({ title, words, direction }: { title: string; words: Word[]; direction: 'up' | 'down' }) {
  const { t } = useTranslation('analysis');
  return (
    <div className={`words__list words__list--${direction}`}>
      <SectionHeading sub>{title}</SectionHeading>
      {words.length === 0 ? (
        <p className="words__empty">{t('words.emptyList')}</p>
      ) : (
        <ul className="chips">
          {words.map((word) => (
            <li key={word.word} className={`chip chip--${direction}`} data-testid={`chip-${direction}`}>
              <span aria-hidden="true">{direction === 'up' ? '▲' : '▼'} </span>
              {word.word}
              {word.occurrences > 1 && <span className="chip__count"> ×{word.occurrences}</span>}
              <span className="visually-hidden">, {t(direction === 'up' ? 'words.raisedOne' : 'words.loweredOne')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
