import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';
import { useSession } from './session';

/** What the member is about to do that others will see, and so needs a verified address. */
export type VerifiedAction = 'publish' | 'post' | 'comment';

/**
 * Said where publishing, posting or commenting is offered to a member whose address is not verified yet (the
 * server answers 403 `email-unverified` otherwise). The banner at the top offers to resend the link.
 */
export function VerifyFirstNotice({ action }: { action: VerifiedAction }) {
  const { t } = useTranslation('email');
  if (!useNeedsVerification()) return null;
  return <Notice tone="warning">{t(`verifyFirst.${action}`)}</Notice>;
}

/** True for a signed-in member whose address is known to be unverified. */
export function useNeedsVerification(): boolean {
  const { status, member } = useSession();
  return status === 'signedIn' && member?.emailVerified === false;
}
