import { useTranslation } from 'react-i18next';
import { SystemStatusLine } from '../status/SystemStatusLine';

export const API_DOCS_URL = '/swagger-ui.html';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <SystemStatusLine />
        <p>
          <a href={API_DOCS_URL}>{t('footer.apiDocs')}</a> · {t('footer.openSource')}
        </p>
      </div>
    </footer>
  );
}
