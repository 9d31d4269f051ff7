import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui';
import type { PredictionView } from '../types';

/** A result from the demonstration model, said at the top where nobody can miss it, with the card's own words. */
export function DemonstrationNotice({ view }: { view: Pick<PredictionView, 'model'> }) {
  const { t } = useTranslation('analysis');
  const notices = [...new Set([view.model.audio, view.model.lyrics].filter((m) => m.demonstration).map((m) => m.notice).filter(Boolean))];
  return (
    <Notice tone="warning" title={t('demo.title')} className="demo-notice">
      <p data-testid="demo-notice">{t('demo.body')}</p>
      {notices.map((notice) => (
        <p key={notice} className="demo-notice__card">
          {t('demo.card', { notice })}
        </p>
      ))}
    </Notice>
  );
}
