import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Between the administrators' screens. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <nav aria-label={t('nav.label')} className="admin-nav">
      <ul>
        <li>
          <NavLink to="/admin/members">{t('nav.members')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/partners">{t('nav.partners')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
