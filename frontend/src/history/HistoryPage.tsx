import { useTranslation } from 'react-i18next';

export function HistoryPage() {
  const { t } = useTranslation('analysis');
  return <h1>{t('history.title')}</h1>;
}
