import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { UnverifiedBanner } from '../auth/UnverifiedBanner';
import { Footer } from './Footer';
import { Header } from './Header';

/** Every screen: skip link, header, the page in <main>, footer with the system status line. */
export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After an in-app navigation, move focus to the new page as a full page load would (not on first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <UnverifiedBanner />
      <main id="main" ref={main} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
