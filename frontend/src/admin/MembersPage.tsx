import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { Button, Notice, TextField } from '../ui';
import { AdminNav } from './AdminNav';
import { AdminOnly } from './AdminOnly';
import { allItems, SEARCH_MAX, useMemberSearch } from './api';

// The server refuses control characters in a search; the form says so first.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** /admin/members — find members by part of their e-mail or name. */
export function MembersPage() {
  return (
    <AdminOnly>
      <Members />
    </AdminOnly>
  );
}

function Members() {
  const { t } = useTranslation('admin');
  const problems = useProblemText();
  const headingId = useId();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string>();
  const members = useMemberSearch(q);
  const items = allItems(members.data);
  useDocumentTitle(t('members.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft.trim();
    if (wanted.length > SEARCH_MAX || CONTROL.test(wanted)) {
      setError(t('members.searchInvalid', { max: SEARCH_MAX }));
      return;
    }
    setError(undefined);
    setSearch(wanted ? { q: wanted } : {});
  };

  return (
    <section aria-labelledby={headingId} className="admin">
      <AdminNav />
      <h1 id={headingId}>{t('members.title')}</h1>
      <form role="search" onSubmit={submit} className="admin-search" noValidate>
        <TextField label={t('members.search')} hint={t('members.searchHint')} value={draft} error={error}
          type="search" onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary">{t('members.find')}</Button>
      </form>
      {members.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : members.isError ? (
        <Notice tone="error" title={t('members.loadFailed')}>
          <p>{problems.message(members.error)}</p>
        </Notice>
      ) : items.length === 0 ? (
        <p data-testid="members-empty">{t('members.empty')}</p>
      ) : (
        <div className="admin-table">
          <table data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.email')}</th>
                <th scope="col">{t('members.roles')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={member.id} data-testid="member-row">
                  <td>
                    <Link to={`/admin/members/${encodeURIComponent(member.id)}`}>{member.displayName}</Link>
                  </td>
                  <td>{member.email}</td>
                  <td>{member.roles.map((role) => t(`role.${role}`, { defaultValue: role })).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members.hasNextPage && (
        <Button variant="secondary" busy={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
          {t('more')}
        </Button>
      )}
    </section>
  );
}
