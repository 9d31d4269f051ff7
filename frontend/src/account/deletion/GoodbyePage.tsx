import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';

/** Where a member lands after deleting their account: signed out, told what happens next. */
export function GoodbyePage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('goodbye.title'));
  return (
    <div className="account-page">
      <h1>{t('goodbye.title')}</h1>
      <p>{t('goodbye.body')}</p>
      <p>
        <Link to="/">{t('goodbye.home')}</Link>
      </p>
    </div>
  );
}
