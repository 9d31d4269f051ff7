import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import type { ModelInfo, PredictionView, Reference } from '../types';
import { SectionHeading } from '../headings';

/** Where this analysis stands in its genre: the percentile and the nearest reference tracks. */
export function GenreStanding({ view, linkReferences = true }: { view: PredictionView; linkReferences?: boolean }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const titleId = useId();
  const genre = t(`genre.${view.genre}`);
  return (
    <section className="standing" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('standing.title')}</SectionHeading>
      <p data-testid="percentile">
        {view.genrePercentile === null
          ? t('standing.first', { genre })
          : t('standing.percentile', { percent: format.percent(view.genrePercentile / 100), genre })}
      </p>
      <SectionHeading sub>{t('standing.references')}</SectionHeading>
      {view.references.length === 0 ? (
        <p>{t('standing.noReferences', { genre })}</p>
      ) : (
        <ul className="references">
          {view.references.map((reference) => (
            <li key={reference.id}>
              <ReferenceName reference={reference} link={linkReferences} />{' '}
              <span className="references__score">
                {t('standing.referenceScore', { percent: format.percent(reference.hitProbability) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReferenceName({ reference, link }: { reference: Reference; link: boolean }) {
  const { t } = useTranslation('analysis');
  const name = reference.artist
    ? t('trackWithArtist', { title: reference.title ?? t('untitled'), artist: reference.artist })
    : (reference.title ?? t('untitled'));
  return link ? <Link to={`/analyses/${encodeURIComponent(reference.id)}`}>{name}</Link> : <span>{name}</span>;
}

/** The two models that answered, as their cards describe them, with a way to the full cards. */
export function ModelSummary({ view }: { view: PredictionView }) {
  const { t } = useTranslation('analysis');
  const titleId = useId();
  return (
    <section className="model-summary" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('models.title')}</SectionHeading>
      <dl>
        <ModelEntry label={t('models.audio')} model={view.model.audio} />
        <ModelEntry label={t('models.lyrics')} model={view.model.lyrics} />
      </dl>
      <p>
        <Link to="/models">{t('models.more')}</Link>
      </p>
    </section>
  );
}

function ModelEntry({ label, model }: { label: string; model: ModelInfo }) {
  const { t } = useTranslation('analysis');
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code>{model.modelId}</code> · {t('models.version', { version: model.version })}
        {model.demonstration && <strong className="model-summary__demo"> · {t('models.demonstration')}</strong>}
        {model.trainingData && <p className="model-summary__data">{t('models.trainedOn', { data: model.trainingData })}</p>}
      </dd>
    </>
  );
}
