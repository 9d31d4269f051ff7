import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Notice } from '../ui';
import type { Estimate, Evaluation, GenreCard, Metrics, ModelCard } from './types';
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
      {card.evaluation && <EvaluationSection evaluation={card.evaluation} genre={card.genre} genreName={genreName} />}
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

type MetricName = 'rocAuc' | 'prAuc' | 'precisionAtK' | 'logLoss' | 'brier' | 'calibrationError';

const METRICS: MetricName[] = ['rocAuc', 'prAuc', 'precisionAtK', 'logLoss', 'brier', 'calibrationError'];

/**
 * The held-out evaluation the set was promoted on, for a label deciding how far to trust a score: every metric for
 * audio, lyrics and the combined answer side by side, each with its 95 % interval, and the two pictures.
 */
function EvaluationSection({ evaluation, genre, genreName }: { evaluation: Evaluation; genre: string; genreName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = `evaluation-${genre}`;
  const columns: [string, Metrics | null][] = [
    [t('models.evaluation.audio'), evaluation.audio],
    [t('models.evaluation.lyrics'), evaluation.lyrics],
    [t('models.evaluation.combined'), evaluation.combined],
  ];
  const k = evaluation.combined?.precisionAtK?.k ?? evaluation.audio?.precisionAtK?.k ?? 0;
  const cell = (estimate: Estimate | null | undefined) => {
    if (!estimate || estimate.value == null) {
      return '—';
    }
    const range = estimate.low != null && estimate.high != null
      ? ` (${format.number(estimate.low, 3)}–${format.number(estimate.high, 3)})`
      : '';
    return `${format.number(estimate.value, 3)}${range}`;
  };
  return (
    <section className="evaluation" aria-labelledby={captionId}>
      <h3 id={captionId}>{t('models.evaluation.title')}</h3>
      <p>
        {t('models.evaluation.intro', { songs: format.number(evaluation.songs), hits: format.number(evaluation.positives) })}{' '}
        {evaluation.passed ? t('models.evaluation.passed') : t('models.evaluation.failed')}
      </p>
      {/* Focusable, so that a keyboard can scroll it sideways on a phone. */}
      <div className="evaluation__table" role="region" aria-label={t('models.evaluation.caption', { genre: genreName })} tabIndex={0}>
        <table>
          <caption>{t('models.evaluation.caption', { genre: genreName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('models.evaluation.metric')}</th>
              {columns.map(([name]) => (
                <th scope="col" key={name}>{name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRICS.map((metric) => (
              <tr key={metric} data-metric={metric}>
                <th scope="row">
                  {t(`models.evaluation.metrics.${metric}.name`, { k: format.number(k) })}
                  <small>{t(`models.evaluation.metrics.${metric}.hint`)}</small>
                </th>
                {columns.map(([name, metrics]) => (
                  <td key={name}>{cell(metrics?.[metric])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('models.evaluation.interval')}</p>
      {evaluation.pictures.length > 0 && (
        <div className="evaluation__pictures">
          {evaluation.pictures.map((picture) => (
            <figure key={picture.name}>
              <img
                src={picture.url}
                loading="lazy"
                width={480}
                height={360}
                alt={t(`models.evaluation.pictures.${picture.name === 'roc.png' ? 'roc' : 'reliability'}`, { genre: genreName })}
              />
              <figcaption>{t(`models.evaluation.pictures.${picture.name === 'roc.png' ? 'roc' : 'reliability'}`, { genre: genreName })}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {(evaluation.split || evaluation.method) && (
        <details>
          <summary>{t('models.evaluation.how')}</summary>
          <ul lang="en">
            {evaluation.split && <li>{evaluation.split}</li>}
            {evaluation.method && <li>{evaluation.method}</li>}
            {evaluation.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
