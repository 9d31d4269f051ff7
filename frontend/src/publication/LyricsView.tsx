import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../api/problem';
import { SectionHeading } from '../analysis/headings';
import { Notice } from '../ui';
import { usePublishedLyrics } from './api';

/** The published lyrics as plain text (React escapes them; line breaks kept by CSS). */
export function LyricsView({ id }: { id: string }) {
  const { t } = useTranslation('publication');
  const problems = useProblemText();
  const headingId = useId();
  const lyrics = usePublishedLyrics(id, true);
  return (
    <section className="published-lyrics" aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('lyrics.title')}</SectionHeading>
      {lyrics.isPending ? (
        <p aria-busy="true">{t('lyrics.loading')}</p>
      ) : lyrics.isError ? (
        isApiError(lyrics.error) && lyrics.error.status === 404 ? (
          <Notice tone="info">{t('lyrics.gone')}</Notice>
        ) : (
          <Notice tone="error">{problems.message(lyrics.error)}</Notice>
        )
      ) : (
        <div className="published-lyrics__text" data-testid="published-lyrics" tabIndex={0} role="region" aria-labelledby={headingId}>
          {lyrics.data.text}
        </div>
      )}
    </section>
  );
}
