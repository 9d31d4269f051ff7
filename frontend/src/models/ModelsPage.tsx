import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Notice } from '../ui';
import type { GenreCard, ModelCard } from './types';
import { useModels } from './useModels';

/** "About the models": per genre, what serves it, what it learnt from, how it did on songs it never saw. */
export function ModelsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('models.title'));
  const models = useModels();
  const problems = useProblemText();
  const anyDemonstration = models.data?.genres.some((genre) => genre.demonstration) ?? false;

  return (
    <section className="models-page" aria-labelledby="models-title">
      <h1 id="models-title">{t('models.title')}</h1>
      <p>{t('models.intro')}</p>
      {models.isPending && <p aria-busy="true">{t('models.loading')}</p>}
      {models.isError && <Notice tone="error">{problems.message(models.error)}</Notice>}
      {anyDemonstration && (
        <Notice tone="warning" title={t('models.demonstration.title')} className="demonstration-notice">
          {t('models.demonstration.body')}
        </Notice>
      )}
      {models.data?.genres.map((card) => <GenreSection key={card.genre} card={card} />)}
      {models.data && models.data.unavailable.length > 0 && (
        <Notice tone="info" title={t('models.unavailable.title')}>
          {t('models.unavailable.body', { genres: models.data.unavailable.map((g) => t(`genre.${g}`, { defaultValue: g })).join(', ') })}
        </Notice>
      )}
    </section>
  );
}

function GenreSection({ card }: { card: GenreCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const genreName = t(`genre.${card.genre}`, { defaultValue: card.genre });
  const headingId = `genre-${card.genre}`;
  return (
    <article className="genre-card" aria-labelledby={headingId} data-genre={card.genre}>
      <header>
        <h2 id={headingId}>{genreName}</h2>
        <p className="genre-card__version">{t('models.version', { version: card.version })}</p>
      </header>
      {card.demonstration && (
        <Notice tone="warning" title={t('models.demonstration.badge')}>
          {t('models.demonstration.genre', { genre: genreName })}{' '}
          {card.audio.notice && <span lang="en">“{card.audio.notice}”</span>}
        </Notice>
      )}
      <div className="genre-card__models">
        <ModelSection card={card.audio} title={t('models.audio')} />
        <ModelSection card={card.lyrics} title={t('models.lyrics')} />
      </div>
      {card.combination && (
        <p>
          {t('models.combination', {
            audio: format.number(card.combination.audioWeight, 2),
            lyrics: format.number(card.combination.lyricsWeight, 2),
          })}
        </p>
      )}
    </article>
  );
}

function ModelSection({ card, title }: { card: ModelCard; title: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const trained = card.trainedOn;
  const held = card.heldOut;
  const synthetic = trained?.source === 'synthetic-demo' || card.demonstration;
  return (
    <section className="model-card" aria-label={title}>
      <h3>{title}</h3>
      <h4>{t('models.trainedOn')}</h4>
      {trained ? (
        <ul>
          {trained.songs != null && (
            <li>{t(synthetic ? 'models.songsSynthetic' : 'models.songs', { songs: format.number(trained.songs), hits: format.number(trained.hits ?? 0) })}</li>
          )}
          {trained.releaseYears && <li>{t('models.releaseYears', { from: trained.releaseYears.from, to: trained.releaseYears.to })}</li>}
          {trained.trainingSongs != null && trained.validationSongs != null && (
            <li>{t('models.split', { training: format.number(trained.trainingSongs), validation: format.number(trained.validationSongs) })}</li>
          )}
          {card.trainedAt && <li>{t('models.trainedAt', { date: format.date(card.trainedAt) })}</li>}
        </ul>
      ) : (
        <p>{t('models.noTrainingData')}</p>
      )}
      <h4>{t('models.heldOut')}</h4>
      {held && held.songs != null ? (
        <ul>
          <li>{t('models.heldOutSongs', { songs: format.number(held.songs), hits: format.number(held.hits ?? 0) })}</li>
          {held.auc != null && <li>{t('models.auc', { times: Math.round(held.auc * 100) })}</li>}
          {held.accuracy != null && <li>{t('models.accuracy', { percent: format.percent(held.accuracy) })}</li>}
          {held.calibrationError != null && (
            <li>{t('models.calibration', { points: format.number(held.calibrationError * 100, 0) })}</li>
          )}
        </ul>
      ) : (
        <p>{t('models.noHeldOut')}</p>
      )}
      <h4>{t('models.limits')}</h4>
      <ul>
        {synthetic && <li>{t('models.limit.synthetic')}</li>}
        <li>{t('models.limit.genre')}</li>
        {held?.songs != null && held.songs < 1000 && <li>{t('models.limit.smallHeldOut', { songs: format.number(held.songs) })}</li>}
        <li>{t('models.limit.notAGuarantee')}</li>
      </ul>
      {card.limits.length > 0 && (
        <details>
          <summary>{t('models.cardDetails')}</summary>
          {trained?.dataset && <p lang="en">{trained.dataset}</p>}
          <ul lang="en">
            {card.limits.map((limit) => (
              <li key={limit}>{limit}</li>
            ))}
          </ul>
          {card.intendedUse && <p lang="en">{card.intendedUse}</p>}
          {i18n.resolvedLanguage !== 'en' && <p className="muted">{t('models.cardDetailsEnglish')}</p>}
        </details>
      )}
    </section>
  );
}
