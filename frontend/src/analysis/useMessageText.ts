import { useTranslation } from 'react-i18next';
import type { FieldMessage } from './upload/uploadChecks';

/**
 * Turns a FieldMessage into words: the catalogue's, with the server's detail where the catalogue has only a
 * general sentence (or nothing at all for this case).
 */
export function useMessageText(): (message: FieldMessage) => string {
  const { t } = useTranslation('analysis');
  return (message) => {
    if (message.key === 'problem.field') return message.detail ?? t('messages.problem.other');
    const words = t(`messages.${message.key}`, { ...message.values, defaultValue: '' });
    if (words === '') return message.detail ?? t('messages.problem.other');
    return message.detail ? `${words} (${message.detail})` : words;
  };
}
