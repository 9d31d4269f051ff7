import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice, TextArea, TextField } from '../ui';
import { ACCESS_LIMITS, useRequestPartnerAccess, type PartnerAccess, type PartnerAccessStatus } from './api';

type Field = 'organisation' | 'website' | 'purpose';

/** Statuses from which a member may (again) ask: the server refuses a second request only while one is pending or approved. */
const MAY_ASK: PartnerAccessStatus[] = ['NONE', 'REJECTED', 'REVOKED'];

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Where the member's request stands (with the administrator's note), and the form to ask when they may. */
export function AccessSection({ access }: { access: PartnerAccess }) {
  const { t } = useTranslation('partner');
  const format = useFormat();
  const problems = useProblemText();
  const send = useRequestPartnerAccess();
  const [draft, setDraft] = useState({ organisation: access.organisation ?? '', website: access.website ?? '', purpose: access.purpose ?? '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState(false);
  const tone = access.status === 'APPROVED' ? 'success' : access.status === 'PENDING' || access.status === 'NONE' ? 'info' : 'warning';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const organisation = draft.organisation.trim();
    const website = draft.website.trim();
    const purpose = draft.purpose.trim();
    const found: Partial<Record<Field, string>> = {};
    if (!organisation || organisation.length > ACCESS_LIMITS.organisation) {
      found.organisation = t('access.organisationInvalid', { max: ACCESS_LIMITS.organisation });
    }
    if (website && (website.length > ACCESS_LIMITS.website || !isWebAddress(website))) {
      found.website = t('access.websiteInvalid', { max: ACCESS_LIMITS.website });
    }
    if (!purpose || purpose.length > ACCESS_LIMITS.purpose) found.purpose = t('access.purposeInvalid', { max: ACCESS_LIMITS.purpose });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate({ organisation, purpose, ...(website ? { website } : {}) }, { onSuccess: () => setSent(true) });
  };

  const fieldError = (field: Field) => errors[field] ?? problems.field(send.error, field);

  return (
    <section className="partner-section" aria-labelledby="partner-access-title">
      <h2 id="partner-access-title">{t('access.title')}</h2>
      <Notice tone={tone}>
        <p>
          {t('access.statusLabel')}: <strong data-testid="partner-status">{t(`access.statusName.${access.status}`)}</strong>
        </p>
        <p>{t(`access.status.${access.status}`)}</p>
        {access.organisation && access.status !== 'NONE' && <p>{access.organisation}</p>}
        {access.requestedAt && <p><small>{t('access.requestedAt', { date: format.dateTime(access.requestedAt) })}</small></p>}
        {access.decidedAt && <p><small>{t('access.decidedAt', { date: format.dateTime(access.decidedAt) })}</small></p>}
        {access.decisionNote && <p data-testid="partner-note">{t('access.note', { note: access.decisionNote })}</p>}
      </Notice>
      {sent && <Notice tone="success">{t('access.sent')}</Notice>}
      {MAY_ASK.includes(access.status) && (
        <form onSubmit={submit} noValidate aria-labelledby="partner-ask-title">
          <h3 id="partner-ask-title">{t('access.formTitle')}</h3>
          <p>{t('access.formIntro')}</p>
          <TextField label={t('access.organisation')} name="organisation" value={draft.organisation} maxLength={ACCESS_LIMITS.organisation}
            error={fieldError('organisation')} autoComplete="organization"
            onChange={(event) => setDraft({ ...draft, organisation: event.target.value })} />
          <TextField label={t('access.website')} name="website" type="url" hint={t('access.websiteHint')} value={draft.website}
            maxLength={ACCESS_LIMITS.website} error={fieldError('website')} autoComplete="url"
            onChange={(event) => setDraft({ ...draft, website: event.target.value })} />
          <TextArea label={t('access.purpose')} name="purpose" rows={4} value={draft.purpose} maxLength={ACCESS_LIMITS.purpose}
            error={fieldError('purpose')} onChange={(event) => setDraft({ ...draft, purpose: event.target.value })} />
          {send.isError && <Notice tone="error">{problems.message(send.error)}</Notice>}
          <Button type="submit" busy={send.isPending}>{t('access.submit')}</Button>
        </form>
      )}
    </section>
  );
}
