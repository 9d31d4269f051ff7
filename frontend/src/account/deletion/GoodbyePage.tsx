import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { tokens } from '../../auth/tokens';

/** Where a member lands after deleting their account: signed out, told what happens next. */
export function GoodbyePage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('goodbye.title'));
  const queryClient = useQueryClient();
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted === true;
  useEffect(() => {
    if (!deleted) return;
    // The account is gone: forget its token (every tab) and everything the app had read with it.
    tokens.signOut(true, 'logout');
    queryClient.clear();
  }, [deleted, queryClient]);
  return (
    <div className="account-page">
      <h1>{t('goodbye.title')}</h1>
      <p>{t('goodbye.body')}</p>
      <p>
        <Link to="/">{t('goodbye.home')}</Link>
      </p>
    </div>
  );
}
