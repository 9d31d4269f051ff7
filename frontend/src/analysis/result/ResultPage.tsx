import { useTranslation } from 'react-i18next';

export function ResultPage() {
  const { t } = useTranslation('analysis');
  return <h1>{t('result.title')}</h1>;
}
