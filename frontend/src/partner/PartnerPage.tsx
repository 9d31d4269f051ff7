import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Notice } from '../ui';
import { AccessSection } from './AccessSection';
import { usePartnerAccess } from './api';
import { ClientsSection } from './ClientsSection';
import { HowToCall } from './HowToCall';
import { UsageSection } from './UsageSection';
import './partner.css';

/** /partner — ask for partner access; once approved, the member's API clients, their usage and how to call. */
export function PartnerPage() {
  const { t } = useTranslation('partner');
  const problems = useProblemText();
  const access = usePartnerAccess();
  useDocumentTitle(t('title'));
  const approved = access.data?.status === 'APPROVED';

  return (
    <div className="partner-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {access.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : access.isError ? (
        <Notice tone="error" title={t('loadFailed')}>
          <p>{problems.message(access.error)}</p>
        </Notice>
      ) : (
        <>
          <AccessSection access={access.data} />
          {approved && (
            <>
              <ClientsSection />
              <UsageSection />
              <HowToCall />
            </>
          )}
        </>
      )}
    </div>
  );
}
