import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES, setLocale } from '../i18n/i18n';

/** A plain <select>: keyboard- and screen-reader-friendly with no extra code; each language named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : LOCALES[0];
  return (
    <select
      className="language-switch"
      aria-label={t('language.label')}
      value={current}
      onChange={(event) => {
        if (isLocale(event.target.value)) void setLocale(event.target.value, i18n);
      }}
    >
      {LOCALES.map((lng) => (
        <option key={lng} value={lng} lang={lng}>
          {t(`language.${lng}`)}
        </option>
      ))}
    </select>
  );
}
