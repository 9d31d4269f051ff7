import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { DeleteAccountSection, YourDataSection } from './deletion';
import { EmailChangeSection } from './email';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './twofactor/TwoFactorSection';
import './account.css';

/** The member's own page: profile, security (password, e-mail, sessions, two-factor) and links to their work. */
export function AccountPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('title'));
  return (
    <div className="account-page">
      <h1>{t('title')}</h1>
      <nav aria-label={t('mine.label')} className="account-mine">
        <ul>
          <li>
            <Link to="/analyses">{t('mine.analyses')}</Link>
          </li>
          <li>
            <Link to="/community/mine">{t('mine.posts')}</Link>
          </li>
          <li>
            <Link to="/catalogue">{t('mine.catalogue')}</Link>
          </li>
          <li>
            <Link to="/partner">{t('mine.partner')}</Link>
          </li>
        </ul>
      </nav>
      <ProfileSection />
      <PasswordSection />
      <EmailChangeSection />
      <SessionsSection />
      <TwoFactorSection />
      <YourDataSection />
      <DeleteAccountSection />
    </div>
  );
}
