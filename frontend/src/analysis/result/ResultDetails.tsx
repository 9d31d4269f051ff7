import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import type { GenreCard, ModelDescription, ModelInfo, PredictionView, Reference } from '../types';
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
export function ModelSummary({ view, card }: { view: PredictionView; card?: GenreCard }) {
  const { t } = useTranslation('analysis');
  const titleId = useId();
  // A card describes the models serving the genre now; it speaks for this result only if they scored it.
  const audioCard = card?.audio.modelId === view.model.audio.modelId ? card.audio : undefined;
  const lyricsCard = card?.lyrics.modelId === view.model.lyrics.modelId ? card.lyrics : undefined;
  return (
    <section className="model-summary" aria-labelledby={titleId}>
      <SectionHeading id={titleId}>{t('models.title')}</SectionHeading>
      <dl>
        <ModelEntry label={t('models.audio')} model={view.model.audio} card={audioCard} />
        <ModelEntry label={t('models.lyrics')} model={view.model.lyrics} card={lyricsCard} />
      </dl>
      <p>
        <Link to="/models">{t('models.more')}</Link>
      </p>
    </section>
  );
}

function ModelEntry({ label, model, card }: { label: string; model: ModelInfo; card?: ModelDescription }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const heldOut = card?.heldOut;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code>{model.modelId}</code> · {t('models.version', { version: model.version })}
        {model.demonstration && <strong className="model-summary__demo"> · {t('models.demonstration')}</strong>}
        {card?.trainedOn ? (
          <p className="model-summary__data">
            {t('models.trainedOnSongs', { songs: format.number(card.trainedOn.songs), hits: format.number(card.trainedOn.hits) })}
          </p>
        ) : (
          model.trainingData && <p className="model-summary__data">{t('models.trainedOn', { data: model.trainingData })}</p>
        )}
        {heldOut && heldOut.auc !== null && (
          <p className="model-summary__data" data-testid="held-out">
            {t('models.heldOut', { songs: format.number(heldOut.songs), auc: format.number(heldOut.auc, 2) })}
          </p>
        )}
      </dd>
    </>
  );
}
