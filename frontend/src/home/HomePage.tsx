import { useI18n } from '../i18n/i18n';
import { SystemStatusLine } from '../status/SystemStatusLine';

export const API_DOCS_URL = '/swagger-ui.html';

/** The landing page: what HITTER is, whether it is up, and where its API is described. */
export function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <main className="home">
        <h1 className="home__name">{t('app.name')}</h1>
        <p className="home__pitch">{t('home.pitch')}</p>
        <SystemStatusLine />
        <nav aria-label={t('home.apiDocs')}>
          <a className="home__link" href={API_DOCS_URL}>
            {t('home.apiDocs')}
          </a>
        </nav>
      </main>
      <footer className="footer">{t('footer.openSource')}</footer>
    </>
  );
}
