import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, TextField } from '../ui';
import { AdminOnly } from './AdminOnly';
import { AuditList } from './AuditList';
import { AdminNav } from './AdminNav';

const KIND = /^[A-Z][A-Z0-9_]{0,39}$/;

/** /admin/audit — the whole audit log, filtered by kind. */
export function AuditPage() {
  return (
    <AdminOnly>
      <Audit />
    </AdminOnly>
  );
}

function Audit() {
  const { t } = useTranslation('admin');
  const headingId = useId();
  const [search, setSearch] = useSearchParams();
  const kind = search.get('kind') ?? '';
  const [draft, setDraft] = useState(kind);
  const [error, setError] = useState<string>();
  useDocumentTitle(t('audit.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft.trim().toUpperCase();
    if (wanted && !KIND.test(wanted)) {
      setError(t('audit.kindInvalid'));
      return;
    }
    setError(undefined);
    setSearch(wanted ? { kind: wanted } : {});
  };

  return (
    <section aria-labelledby={headingId} className="admin">
      <AdminNav />
      <h1 id={headingId}>{t('audit.title')}</h1>
      <form role="search" onSubmit={submit} className="admin-search" noValidate>
        <TextField label={t('audit.kindFilter')} hint={t('audit.kindHint')} value={draft} error={error} maxLength={40}
          onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary">{t('audit.filter')}</Button>
      </form>
      <AuditList kind={kind || undefined} />
    </section>
  );
}
