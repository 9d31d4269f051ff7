import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Stands in for the analysis feature's RecentAnalyses until it lands (then this file goes). */
export function RecentAnalyses() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/analyses">{t('nav.analyses')}</Link>
    </p>
  );
}
