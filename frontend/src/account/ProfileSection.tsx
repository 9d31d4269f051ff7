import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { Button, Notice, Select, TextArea, TextField } from '../ui';
import { MEMBER_KINDS, PROFILE_LIMITS, useProfile, useUpdateProfile, type MemberKind, type Profile } from './api';

/** Display name, kind, affiliation and a short bio; a new name reaches the member's posts shortly after. */
export function ProfileSection() {
  const { t } = useTranslation('account');
  const profile = useProfile();
  const problems = useProblemText();
  if (profile.isPending) return <section aria-busy="true" aria-labelledby="profile-title"><h2 id="profile-title">{t('profile.title')}</h2></section>;
  if (profile.isError) return <Notice tone="error">{problems.message(profile.error)}</Notice>;
  return <ProfileForm profile={profile.data} />;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation('common');
  const problems = useProblemText();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [kind, setKind] = useState<MemberKind>(profile.kind);
  const [affiliation, setAffiliation] = useState(profile.affiliation ?? '');
  const [bio, setBio] = useState(profile.bio ?? '');
  const [saved, setSaved] = useState(false);

  useEffect(() => setSaved(false), [displayName, kind, affiliation, bio]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await update.mutateAsync({ displayName: displayName.trim(), kind, affiliation: affiliation.trim(), bio: bio.trim() });
      setSaved(true);
    } catch {
      // Shown from update.error below.
    }
  }

  const error = update.error;
  const fieldErrors = {
    displayName: problems.field(error, 'displayName'),
    kind: problems.field(error, 'kind'),
    affiliation: problems.field(error, 'affiliation'),
    bio: problems.field(error, 'bio'),
  };
  const general = error && !Object.values(fieldErrors).some(Boolean) ? problems.message(error) : undefined;

  return (
    <section className="account-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label={common('field.email')} value={profile.email} readOnly hint={t('profile.emailHint')} />
        <TextField
          label={common('field.displayName')}
          name="displayName"
          required
          maxLength={PROFILE_LIMITS.displayName}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={fieldErrors.displayName}
          hint={t('profile.displayNameHint')}
        />
        <Select label={common('field.kind')} name="kind" value={kind} onChange={(event) => setKind(event.target.value as MemberKind)} error={fieldErrors.kind}>
          {MEMBER_KINDS.map((value) => (
            <option key={value} value={value}>
              {common(`memberKind.${value}`)}
            </option>
          ))}
        </Select>
        <TextField
          label={t('profile.affiliation')}
          name="affiliation"
          maxLength={PROFILE_LIMITS.affiliation}
          value={affiliation}
          onChange={(event) => setAffiliation(event.target.value)}
          error={fieldErrors.affiliation}
          hint={t('profile.affiliationHint')}
        />
        <TextArea
          label={t('profile.bio')}
          name="bio"
          rows={4}
          maxLength={PROFILE_LIMITS.bio}
          value={bio}
          onChange={(event) => setBio(event.target.value)}
          error={fieldErrors.bio}
          hint={t('profile.bioHint', { count: PROFILE_LIMITS.bio - bio.length })}
        />
        {general && <Notice tone="error">{general}</Notice>}
        {saved && <Notice tone="success">{t('profile.saved')}</Notice>}
        <Button type="submit" busy={update.isPending}>
          {t('profile.save')}
        </Button>
      </form>
    </section>
  );
}
