import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, Notice, Select, TextField } from '../ui';
import { CheckYourMail } from './CheckYourMail';
import { safeNext, useSession, type MemberKind, type SignUpForm } from './session';

export const MEMBER_KINDS: readonly MemberKind[] = ['artist', 'producer', 'label', 'other'];
const FIELDS = ['email', 'password', 'displayName', 'kind'] as const;

/** Become a member: the address is proved by a link mailed to it; signing in comes after. */
export function SignupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signup.title'));
  const { status, signUp } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const problems = useProblemText();
  const [form, setForm] = useState<SignUpForm>({ email: '', password: '', displayName: '', kind: 'producer' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  if (sentTo) return <CheckYourMail email={sentTo} next={next} />;
  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const fieldErrors = Object.fromEntries(FIELDS.map((field) => [field, problems.field(error, field)]));
  const general = error && FIELDS.every((field) => !fieldErrors[field]) ? problems.message(error) : undefined;

  function change<K extends keyof SignUpForm>(key: K, value: SignUpForm[K]) {
    setForm((was) => ({ ...was, [key]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await signUp({ ...form, email: form.email.trim(), displayName: form.displayName.trim() });
      setSentTo(accepted?.email ?? form.email.trim());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="auth-page" aria-labelledby="signup-title">
      <h1 id="signup-title">{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('field.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          maxLength={254}
          value={form.email}
          onChange={(event) => change('email', event.target.value)}
          error={fieldErrors.email}
        />
        <TextField
          label={t('field.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          maxLength={128}
          value={form.password}
          onChange={(event) => change('password', event.target.value)}
          error={fieldErrors.password}
          hint={t('signup.passwordRule')}
        />
        <TextField
          label={t('field.displayName')}
          name="displayName"
          autoComplete="nickname"
          required
          maxLength={50}
          value={form.displayName}
          onChange={(event) => change('displayName', event.target.value)}
          error={fieldErrors.displayName}
        />
        <Select
          label={t('field.kind')}
          name="kind"
          value={form.kind}
          onChange={(event) => change('kind', event.target.value as MemberKind)}
          error={fieldErrors.kind}
        >
          {MEMBER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`memberKind.${kind}`)}
            </option>
          ))}
        </Select>
        {general && <Notice tone="error">{general}</Notice>}
        <Button type="submit" busy={busy}>
          {t('signup.submit')}
        </Button>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('signup.toLogin')}</Link>
      </p>
    </section>
  );
}
