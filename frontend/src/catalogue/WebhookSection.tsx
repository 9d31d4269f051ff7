import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { useRedeliver, useWebhookDeliveries, type Job } from './api';

/** Where the job's webhook goes, each delivery attempt (status, time, error), and "send again" once the job ended. */
export function WebhookSection({ job }: { job: Job }) {
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const problems = useProblemText();
  const hasWebhook = Boolean(job.webhook);
  const log = useWebhookDeliveries(job.id, hasWebhook);
  const redeliver = useRedeliver(job.id);
  const state = log.data?.state ?? job.webhook?.state;
  const { refetch } = log;
  const seen = useRef(`${job.webhook?.state}/${job.webhook?.attempts}`);

  // The job is polled while it runs: when its webhook moves on, the log follows without a reload.
  useEffect(() => {
    const now = `${job.webhook?.state}/${job.webhook?.attempts}`;
    if (!hasWebhook || now === seen.current) return;
    seen.current = now;
    void refetch();
  }, [hasWebhook, job.webhook?.state, job.webhook?.attempts, refetch]);

  return (
    <section className="catalogue-section" aria-labelledby="job-webhook-title" data-testid="webhook">
      <h2 id="job-webhook-title">{t('webhook.title')}</h2>
      {!job.webhook ? (
        <p>{t('webhook.none')}</p>
      ) : (
        <>
          <dl className="catalogue-webhook">
            <dt>{t('webhook.url')}</dt>
            <dd>
              <code>{job.webhook.url}</code>
            </dd>
            <dt>{t('webhook.stateLabel')}</dt>
            <dd data-testid="webhook-state">{state ? t(`webhook.state.${state}`) : '—'}</dd>
          </dl>
          {log.data?.nextAttemptAt && <p>{t('webhook.next', { date: format.dateTime(log.data.nextAttemptAt) })}</p>}
          <h3 id="job-deliveries-title">{t('webhook.log')}</h3>
          {log.isPending ? (
            <p aria-busy="true">{t('loading')}</p>
          ) : log.isError ? (
            <Notice tone="error" title={t('webhook.logFailed')}>
              <p>{problems.message(log.error)}</p>
            </Notice>
          ) : log.data.items.length === 0 ? (
            <p data-testid="deliveries-empty">{t('webhook.logEmpty')}</p>
          ) : (
            <div className="catalogue-table catalogue-table--wide" tabIndex={0} role="region" aria-labelledby="job-deliveries-title">
              <table data-testid="deliveries">
                <thead>
                  <tr>
                    <th scope="col">{t('webhook.attempt')}</th>
                    <th scope="col">{t('webhook.when')}</th>
                    <th scope="col">{t('webhook.status')}</th>
                    <th scope="col">{t('webhook.outcome')}</th>
                    <th scope="col">{t('webhook.duration')}</th>
                    <th scope="col">{t('webhook.error')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.items.map((delivery) => (
                    <tr key={`${delivery.deliveryId}-${delivery.attempt}-${delivery.attemptedAt}`} data-testid="delivery-row" data-outcome={delivery.outcome}>
                      <td>
                        {format.number(delivery.attempt)}
                        {delivery.redelivery && <small className="catalogue-file">{t('webhook.redelivery')}</small>}
                      </td>
                      <td>{format.dateTime(delivery.attemptedAt)}</td>
                      <td>{delivery.status ?? t('webhook.noAnswer')}</td>
                      <td>{t(`webhook.outcomeName.${delivery.outcome}`)}</td>
                      <td>{delivery.durationMs === null || delivery.durationMs === undefined ? '—' : t('webhook.durationMs', { ms: format.number(delivery.durationMs) })}</td>
                      <td>{delivery.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {job.state === 'COMPLETED' && (
            <Button variant="secondary" busy={redeliver.isPending} onClick={() => redeliver.mutate()} data-testid="resend-webhook">
              {t('webhook.resend')}
            </Button>
          )}
          {redeliver.isSuccess && <Notice tone="success">{t('webhook.resent')}</Notice>}
          {redeliver.isError && (
            <Notice tone="error">
              {isApiError(redeliver.error) && redeliver.error.type === 'job-not-ended' ? t('webhook.notEnded') : problems.message(redeliver.error)}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
