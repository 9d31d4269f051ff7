import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui';
import type { OwnAudio } from './ownAudio';

/** The member's own file, played from the browser's copy; or a plain word why it cannot be. */
export function OwnPlayer({ own, fileName }: { own: OwnAudio; fileName: string }) {
  const { t } = useTranslation('analysis');
  if (own.playability === 'unplayable') {
    return (
      <Notice tone="info" title={t('player.unplayableTitle')}>
        <span data-testid="unplayable">{t('player.unplayable', { name: fileName })}</span>
      </Notice>
    );
  }
  return (
    <div className="own-player">
      <p className="own-player__label" id="own-player-label">
        {t('player.label', { name: fileName })}
      </p>
      <audio
        ref={own.audioRef}
        src={own.src}
        controls
        preload="metadata"
        aria-labelledby="own-player-label"
        data-testid="own-audio"
        {...own.events}
      />
    </div>
  );
}
