import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> · HITTER" in the tab, so screen-reader users hear where a navigation landed. */
export function useDocumentTitle(page: string | undefined) {
  const { t } = useTranslation();
  const name = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${name}` : name;
  }, [page, name]);
}
