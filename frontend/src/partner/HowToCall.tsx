import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API_DOCS_URL } from '../app/Footer';
import { TOKEN_PATH } from './api';

/** The token URL and a curl example for the engineer wiring a tool up; the page's own origin is the gateway. */
export function HowToCall() {
  const { t } = useTranslation('partner');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const tokenUrl = `${origin}${TOKEN_PATH}`;
  const example = [
    `TOKEN=$(curl -s -u "$CLIENT_ID:$CLIENT_SECRET" \\`,
    `  -d grant_type=client_credentials ${tokenUrl} | jq -r .access_token)`,
    '',
    `curl -H "Authorization: Bearer $TOKEN" \\`,
    `  -F genre=POP -F files=@song1.mp3 -F files=@song1.txt \\`,
    `  ${origin}/api/v1/prediction-jobs`,
  ].join('\n');
  return (
    <section className="partner-section partner-howto" aria-labelledby="partner-howto-title">
      <h2 id="partner-howto-title">{t('howTo.title')}</h2>
      <p>
        {t('howTo.tokenUrl')}: <code data-testid="token-url">{tokenUrl}</code>
      </p>
      <p>{t('howTo.intro')}</p>
      <pre className="partner-howto__code" tabIndex={0}>
        <code>{example}</code>
      </pre>
      <p>
        <a href={API_DOCS_URL}>{t('howTo.docs')}</a> · <Link to="/catalogue">{t('howTo.catalogue')}</Link>
      </p>
    </section>
  );
}
