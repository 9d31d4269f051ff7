import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, PROBLEM_BASE, useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { downloadResultsCsv, useJob, type Job, type JobItem } from './api';
import { WebhookSection } from './WebhookSection';
import './catalogue.css';

/** /catalogue/jobs/:id — a batch job's progress (polled while it runs), its results table, CSV and webhook log. */
export function JobPage() {
  const { t } = useTranslation('catalogue');
  const problems = useProblemText();
  const { id = '' } = useParams();
  const job = useJob(id);
  useDocumentTitle(t('job.title'));

  return (
    <div className="catalogue-page">
      <p>
        <Link to="/catalogue">{t('job.back')}</Link>
      </p>
      <h1>{t('job.title')}</h1>
      {job.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : job.isError ? (
        <Notice tone="error" title={t('job.loadFailed')}>
          <p>{problems.message(job.error)}</p>
        </Notice>
      ) : (
        <JobDetails job={job.data} />
      )}
    </div>
  );
}

function JobDetails({ job }: { job: Job }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const problems = useProblemText();
  const location = useLocation();
  const webhookSecret = (location.state as { webhookSecret?: string } | null)?.webhookSecret;
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const { progress } = job;
  const finished = progress.succeeded + progress.failed;

  async function download() {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      await downloadResultsCsv(job.id);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      {webhookSecret && <WebhookSecret secret={webhookSecret} />}
      <section className="catalogue-section" aria-labelledby="job-progress-title" data-testid="job" data-job-id={job.id}>
        <h2 id="job-progress-title">
          <span data-testid="job-state">{t(`state.${job.state}`)}</span>
        </h2>
        <p>
          <small>
            {t('job.submitted', { date: format.dateTime(job.createdAt) })}
            {job.finishedAt && <> · {t('job.finished', { date: format.dateTime(job.finishedAt) })}</>}
          </small>
        </p>
        <label htmlFor="job-progress">{t('job.progressLabel')}</label>
        <progress id="job-progress" value={finished} max={job.total || 1} />
        <p role="status" data-testid="job-progress">
          {t('job.progress', {
            done: format.number(finished),
            total: format.number(job.total),
            succeeded: format.number(progress.succeeded),
            failed: format.number(progress.failed),
            queued: format.number(progress.queued),
            running: format.number(progress.running),
          })}
        </p>
        <Button variant="secondary" busy={downloading} onClick={() => void download()} data-testid="download-csv">
          {t('job.download')}
        </Button>
        {downloadError !== undefined && (
          <Notice tone="error" title={t('job.downloadFailed')}>
            <p>{problems.message(downloadError)}</p>
          </Notice>
        )}
      </section>
      <Results items={job.items ?? []} />
      <WebhookSection job={job} />
    </>
  );
}

function WebhookSecret({ secret }: { secret: string }) {
  const { t } = useTranslation('catalogue');
  const [copied, setCopied] = useState(false);
  return (
    <Notice tone="warning" title={t('secret.title')}>
      <p>{t('secret.body')}</p>
      <p>
        <code data-testid="webhook-secret">{secret}</code>
      </p>
      <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true), () => setCopied(false))}>
        {t('secret.copy')}
      </Button>
      {copied && <p role="status">{t('secret.copied')}</p>}
    </Notice>
  );
}

/** An item's failure in the same plain words a single upload's refusal gets. */
function useItemProblem() {
  const problems = useProblemText();
  const { t } = useTranslation('catalogue');
  return (item: JobItem) => {
    if (!item.problem) return '';
    const type = item.problem.type.startsWith(PROBLEM_BASE) ? item.problem.type.slice(PROBLEM_BASE.length) : item.problem.type;
    if (type === 'attempts-exhausted') return t('job.attemptsExhausted');
    return problems.message(
      new ApiError({ status: 0, kind: 'problem', type, reason: item.problem.reason ?? undefined, detail: item.problem.detail ?? undefined }),
    );
  };
}

function Results({ items }: { items: JobItem[] }) {
  const { t } = useTranslation('catalogue');
  const common = useTranslation('common').t;
  const format = useFormat();
  const itemProblem = useItemProblem();
  const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : format.percent(x));

  return (
    <section className="catalogue-section" aria-labelledby="job-results-title">
      <h2 id="job-results-title">{t('job.results')}</h2>
      <div className="catalogue-table catalogue-table--wide" tabIndex={0} role="region" aria-labelledby="job-results-title">
        <table data-testid="results">
          <thead>
            <tr>
              <th scope="col">{t('job.position')}</th>
              <th scope="col">{t('job.track')}</th>
              <th scope="col">{t('job.genre')}</th>
              <th scope="col">{t('job.stateColumn')}</th>
              <th scope="col">{t('job.probability')}</th>
              <th scope="col">{t('job.audio')}</th>
              <th scope="col">{t('job.lyrics')}</th>
              <th scope="col">{t('job.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const label = item.title || item.file;
              return (
                <tr key={item.position} data-testid="result-row" data-state={item.state}>
                  <td>{item.position + 1}</td>
                  <th scope="row">
                    {item.predictionId ? <Link to={`/analyses/${encodeURIComponent(item.predictionId)}`}>{label}</Link> : label}
                    {item.artist && <small className="catalogue-artist"> · {item.artist}</small>}
                    {label !== item.file && <small className="catalogue-file">{item.file}</small>}
                  </th>
                  <td>{item.genre ? common(`genre.${item.genre}`) : '—'}</td>
                  <td data-testid="result-state">{t(`itemState.${item.state}`)}</td>
                  <td data-testid="result-probability">
                    {score(item.hitProbability)}
                    {item.demonstration && <small className="catalogue-file">{t('job.demonstration')}</small>}
                  </td>
                  <td>{score(item.audioProbability)}</td>
                  <td>{score(item.lyricsProbability)}</td>
                  <td>{itemProblem(item)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
