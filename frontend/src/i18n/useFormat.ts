import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Format {
  /** 0.734 → "73%" (ko and en alike, per Intl). */
  percent(x: number, digits?: number): string;
  number(x: number, digits?: number): string;
  /** An ISO instant in the person's language and time zone. */
  dateTime(iso: string): string;
  date(iso: string): string;
}

export function formatFor(lng: string): Format {
  const locale = lng === 'ko' ? 'ko-KR' : 'en-GB';
  return {
    percent: (x, digits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x),
    number: (x, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    date: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso)),
  };
}

/** Numbers and dates in the language the person chose. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => formatFor(lng), [lng]);
}
