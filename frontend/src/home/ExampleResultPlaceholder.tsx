import { useTranslation } from 'react-i18next';

/** Stands in for the analysis feature's ExampleResult until it lands (then this file goes). */
export function ExampleResult() {
  const { t } = useTranslation();
  return <p className="muted">{t('home.exampleComing')}</p>;
}
