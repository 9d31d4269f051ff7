import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useSession } from '../auth/session';
import { ExampleResult } from './ExampleResult';
import { RecentAnalyses } from './RecentAnalyses';

/** A visitor learns what HITTER does and sees an example; a member sees their recent analyses. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(undefined);
  const { status, member } = useSession();

  if (status === 'signedIn' && member) {
    return (
      <section className="home home--member" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.welcome', { name: member.displayName })}</h1>
        <p>
          <Link to="/analyse" className="button-link">
            {t('home.analyseCta')}
          </Link>
        </p>
        <h2>{t('home.recent')}</h2>
        <RecentAnalyses />
      </section>
    );
  }

  return (
    <section className="home home--visitor" aria-labelledby="home-title">
      <hgroup className="home__hero">
        <h1 id="home-title">{t('app.name')}</h1>
        <p className="home__pitch">{t('home.pitch')}</p>
      </hgroup>
      <ol className="home__steps">
        <li>{t('home.step1')}</li>
        <li>{t('home.step2')}</li>
        <li>{t('home.step3')}</li>
      </ol>
      <p className="home__actions">
        <Link to="/signup" className="button-link">
          {t('home.signupCta')}
        </Link>{' '}
        <Link to="/login" className="button-link button-link--secondary">
          {t('home.loginCta')}
        </Link>
      </p>
      <section className="home__example" aria-labelledby="example-title">
        <h2 id="example-title">
          {t('home.exampleTitle')} <mark className="example-badge">{t('home.exampleBadge')}</mark>
        </h2>
        <p>{t('home.exampleNote')}</p>
        <ExampleResult />
      </section>
      <p>
        <Link to="/models">{t('home.aboutModels')}</Link>
      </p>
    </section>
  );
}
