import { useTranslation } from 'react-i18next';

export function ComparePage() {
  const { t } = useTranslation('analysis');
  return <h1>{t('compare.title')}</h1>;
}
