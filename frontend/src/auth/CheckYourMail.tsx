import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../ui';

/** After sign-up: where the link went and what to do next. Says the same whether or not the address was free. */
export function CheckYourMail({ email, next }: { email: string; next: string }) {
  const { t } = useTranslation('email');
  const login = `/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <section className="auth-page" aria-labelledby="check-mail-title">
      <h1 id="check-mail-title">{t('checkMail.title')}</h1>
      <Notice tone="success">{t('checkMail.sent', { email })}</Notice>
      <p>{t('checkMail.meanwhile')}</p>
      <p>{t('checkMail.nothingCame')}</p>
      <p>
        <Link to={login} className="button-link">
          {t('checkMail.toLogin')}
        </Link>
      </p>
    </section>
  );
}
