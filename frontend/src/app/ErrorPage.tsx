import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError } from '../api/problem';
import { Notice } from '../ui';
import { NotFoundPage } from './NotFoundPage';

/**
 * The router's error boundary: a screen that crashed shows this instead of a blank page. No stack trace
 * is shown (the console has it); only the request id when the API gave one.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  if ((isRouteErrorResponse(error) && error.status === 404) || (isApiError(error) && error.status === 404)) {
    return <NotFoundPage />;
  }
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('error.title')}</h1>
      <Notice tone="error">
        <p>{t('error.body')}</p>
        {requestId && <p>{t('error.requestId', { requestId })}</p>}
      </Notice>
      <p>
        <a href={window.location.pathname}>{t('error.reload')}</a> · <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
