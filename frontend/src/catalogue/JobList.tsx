import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { useJobs } from './api';

/** The member's earlier batch jobs, newest first, each opening its own page. */
export function JobList() {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const problems = useProblemText();
  const jobs = useJobs();
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="catalogue-section" aria-labelledby="catalogue-jobs-title">
      <h2 id="catalogue-jobs-title">{t('jobs.title')}</h2>
      {jobs.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : jobs.isError ? (
        <Notice tone="error" title={t('jobs.loadFailed')}>
          <p>{problems.message(jobs.error)}</p>
        </Notice>
      ) : items.length === 0 ? (
        <p data-testid="jobs-empty">{t('jobs.empty')}</p>
      ) : (
        <div className="catalogue-table">
          <table data-testid="jobs">
            <thead>
              <tr>
                <th scope="col">{t('jobs.created')}</th>
                <th scope="col">{t('jobs.state')}</th>
                <th scope="col">{t('jobs.tracks')}</th>
                <th scope="col">{t('jobs.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id} data-testid="job-row" data-job-id={job.id}>
                  <td>
                    <Link to={`/catalogue/jobs/${encodeURIComponent(job.id)}`} aria-label={t('jobs.open', { date: format.dateTime(job.createdAt) })}>
                      {format.dateTime(job.createdAt)}
                    </Link>
                  </td>
                  <td>{t(`state.${job.state}`)}</td>
                  <td>{format.number(job.total)}</td>
                  <td>{format.percent(job.progress.done)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {jobs.hasNextPage && (
        <Button variant="secondary" busy={jobs.isFetchingNextPage} onClick={() => void jobs.fetchNextPage()}>
          {t('more')}
        </Button>
      )}
    </section>
  );
}
