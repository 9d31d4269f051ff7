import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Notice } from '../ui';
import { USAGE_DAYS, useClientUsage, usePartnerClients, type ClientUsage } from './api';

/** Each client's calls, analyses and jobs in the last days, with a bar per day that had calls (no chart library). */
export function UsageSection() {
  const { t } = useTranslation('partner');
  const problems = useProblemText();
  const usage = useClientUsage(true);
  const clients = usePartnerClients(true);
  const nameOf = (id: string) => clients.data?.find((client) => client.clientId === id)?.name ?? t('usage.unknownClient', { id });

  return (
    <section className="partner-section" aria-labelledby="partner-usage-title">
      <h2 id="partner-usage-title">{t('usage.title', { days: USAGE_DAYS })}</h2>
      <p>{t('usage.intro')}</p>
      {usage.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : usage.isError ? (
        <Notice tone="error" title={t('usage.loadFailed')}>
          <p>{problems.message(usage.error)}</p>
        </Notice>
      ) : usage.data.clients.length === 0 ? (
        <p data-testid="usage-empty">{t('usage.empty')}</p>
      ) : (
        usage.data.clients.map((client) => <ClientUsageCard key={client.clientId} usage={client} name={nameOf(client.clientId)} />)
      )}
    </section>
  );
}

function ClientUsageCard({ usage, name }: { usage: ClientUsage; name: string }) {
  const { t } = useTranslation('partner');
  const format = useFormat();
  const days = usage.days.filter((day) => day.requests > 0 || day.analyses > 0);
  const most = Math.max(1, ...days.map((day) => day.requests));
  return (
    <article className="partner-usage" data-testid="usage" data-client-id={usage.clientId}>
      <h3>{name}</h3>
      <dl className="partner-usage__totals">
        <div>
          <dt>{t('usage.requests')}</dt>
          <dd data-testid="usage-requests">{format.number(usage.requests)}</dd>
        </div>
        <div>
          <dt>{t('usage.analyses')}</dt>
          <dd data-testid="usage-analyses">{format.number(usage.analyses)}</dd>
        </div>
        <div>
          <dt>{t('usage.jobs')}</dt>
          <dd data-testid="usage-jobs">{format.number(usage.jobs)}</dd>
        </div>
        <div>
          <dt>{t('usage.lastUsed')}</dt>
          <dd>{usage.lastUsedAt ? format.dateTime(usage.lastUsedAt) : t('never')}</dd>
        </div>
      </dl>
      {days.length > 0 && (
        <ol className="partner-bars" aria-label={t('usage.daysLabel', { name })}>
          {days.map((day) => (
            <li key={day.date} className="partner-bars__day" data-testid="usage-day">
              <span className="partner-bars__date">{format.date(day.date)}</span>
              <span className="partner-bars__track" aria-hidden="true">
                <span className="partner-bars__bar" style={{ width: `${(day.requests / most) * 100}%` }} />
              </span>
              <span className="partner-bars__count">
                <span className="visually-hidden">
                  {t('usage.day', { date: format.date(day.date), requests: format.number(day.requests), analyses: format.number(day.analyses) })}
                </span>
                <span aria-hidden="true">
                  {format.number(day.requests)} / {format.number(day.analyses)}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
