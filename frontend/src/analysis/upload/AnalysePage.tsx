import { useTranslation } from 'react-i18next';

export function AnalysePage() {
  const { t } = useTranslation('analysis');
  return <h1>{t('analyse.title')}</h1>;
}
