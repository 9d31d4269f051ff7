import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { AUDIO_ACCEPT } from './uploadChecks';

interface AudioDropProps {
  file: File | null;
  error?: string;
  disabled?: boolean;
  onChoose: (file: File) => void;
}

/**
 * The audio field: a real file input (keyboard and screen readers use it as they know it) inside an area that
 * also takes a dropped file.
 */
export function AudioDrop({ file, error, disabled, onChoose }: AudioDropProps) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const id = useId();
  const [over, setOver] = useState(false);
  const inputId = `audio${id}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChoose(dropped);
  }

  return (
    <div
      className="audio-drop"
      data-over={over || undefined}
      data-invalid={error ? true : undefined}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={inputId}>{t('analyse.audio.label')}</label>
      <p id={hintId} className="audio-drop__hint">
        {t('analyse.audio.hint')}
      </p>
      <input
        id={inputId}
        name="audio"
        type="file"
        accept={AUDIO_ACCEPT}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : undefined, hintId].filter(Boolean).join(' ')}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onChoose(chosen);
        }}
      />
      {file && (
        <p className="audio-drop__chosen" data-testid="chosen-audio">
          {t('analyse.audio.chosen', { name: file.name, size: sizeText(file.size, format.number) })}
        </p>
      )}
      {error && (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** "840 KB" or "7.1 MB": a small file does not read as "0.0 MB". */
export function sizeText(bytes: number, number: (x: number, digits?: number) => string): string {
  const mb = bytes / (1024 * 1024);
  return mb < 1 ? `${number(Math.max(1, Math.round(bytes / 1024)))} KB` : `${number(mb, 1)} MB`;
}
