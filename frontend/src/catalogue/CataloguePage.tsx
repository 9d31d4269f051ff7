import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { CatalogueForm } from './CatalogueForm';
import { JobList } from './JobList';
import './catalogue.css';

/** /catalogue — submit many tracks as one batch job, and the member's earlier jobs. */
export function CataloguePage() {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  // Remounting the form after a submission clears its file pickers.
  const [formKey, setFormKey] = useState(0);
  useDocumentTitle(t('title'));
  return (
    <div className="catalogue-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <CatalogueForm
        key={formKey}
        onSubmitted={(job) => {
          setFormKey((k) => k + 1);
          // The webhook's secret comes once, in this answer: the job page shows it and nothing keeps it.
          navigate(`/catalogue/jobs/${encodeURIComponent(job.id)}`, { state: { webhookSecret: job.webhookSecret ?? undefined } });
        }}
      />
      <JobList />
    </div>
  );
}
