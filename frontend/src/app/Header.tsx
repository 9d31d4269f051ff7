import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { NotificationsLink } from '../community/notifications/NotificationsLink';
import { LanguageSwitch } from './LanguageSwitch';

const memberLinks = [
  { to: '/analyse', key: 'nav.analyse' },
  { to: '/analyses', key: 'nav.analyses', end: true },
  { to: '/leaderboard', key: 'nav.leaderboard' },
  { to: '/community', key: 'nav.community' },
  { to: '/compare', key: 'nav.compare' },
] as const;

/** Site name, the main navigation (collapsed behind a button on phones), language and the member's session. */
export function Header() {
  const { t } = useTranslation();
  const { status, member, logOut } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const menuButton = useRef<HTMLButtonElement>(null);

  // A followed link closes the phone menu.
  useEffect(() => setOpen(false), [location.pathname]);

  // Escape closes the open phone menu and gives focus back to its button.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to="/" className="site-header__name">
          {t('app.name')}
        </Link>
        <button
          ref={menuButton}
          type="button"
          className="site-header__menu outline secondary"
          aria-expanded={open}
          aria-controls="site-nav"
          onClick={() => setOpen((was) => !was)}
        >
          {t('nav.menu')}
        </button>
        <nav id="site-nav" aria-label={t('nav.label')} className="site-nav" data-open={open}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {memberLinks.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={'end' in link ? link.end : false}>
                  {t(link.key)}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/models">{t('nav.models')}</NavLink>
            </li>
          </ul>
          <ul className="site-nav__session">
            <li>
              <LanguageSwitch />
            </li>
            {status === 'signedIn' && member ? (
              <>
                <li>
                  <NotificationsLink />
                </li>
                {member.roles.includes('ADMIN') && (
                  <li>
                    <NavLink to="/moderation" data-testid="moderation-link">
                      {t('nav.moderation')}
                    </NavLink>
                  </li>
                )}
                {member.roles.includes('ADMIN') && (
                  <li>
                    <NavLink to="/admin/members" data-testid="admin-link">
                      {t('nav.admin')}
                    </NavLink>
                  </li>
                )}
                <li className="site-nav__member">
                  <NavLink to="/account" data-testid="member-name" title={t('nav.account')}>
                    {member.displayName}
                  </NavLink>
                </li>
                <li>
                  <button
                    type="button"
                    className="outline secondary"
                    onClick={() => {
                      void logOut().then(() => navigate('/'));
                    }}
                  >
                    {t('nav.logout')}
                  </button>
                </li>
              </>
            ) : status === 'signedOut' ? (
              <>
                <li>
                  <NavLink to="/login">{t('nav.login')}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup" className="button-link site-nav__signup">
                    {t('nav.signup')}
                  </NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}
