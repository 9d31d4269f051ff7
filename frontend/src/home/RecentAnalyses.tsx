import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { usePredictionPage } from '../analysis/api';
import { apiQuery } from '../history/listParams';

/** The member's five latest analyses, for the home page. */
export function RecentAnalyses() {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const problems = useProblemText();
  const recent = usePredictionPage(apiQuery({ page: 0, size: 5, sort: { key: 'createdAt', direction: 'desc' } }));

  if (recent.isPending) return <p aria-busy="true">{t('recent.loading')}</p>;
  if (recent.isError) return <p className="field-error">{problems.message(recent.error)}</p>;
  if (recent.data.items.length === 0) {
    return (
      <p data-testid="recent-empty">
        {t('recent.empty')} <Link to="/analyse">{t('recent.first')}</Link>
      </p>
    );
  }
  return (
    <>
      <ul className="recent" data-testid="recent-analyses">
        {recent.data.items.map((item) => (
          <li key={item.id}>
            <span>
              <Link to={`/analyses/${encodeURIComponent(item.id)}`}>{item.title ?? t('untitled')}</Link>{' '}
              <small className="muted">
                {t(`genre.${item.genre}`)} · {format.dateTime(item.createdAt)}
              </small>
              {item.demonstration && <span className="badge badge--demo">{t('history.demo')}</span>}
            </span>
            <strong>{format.percent(item.hitProbability)}</strong>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/analyses">{t('recent.all')}</Link>
      </p>
    </>
  );
}
