import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice, TextField } from '../ui';
import {
  CLIENT_NAME_MAX,
  SCOPES,
  useCreateClient,
  usePartnerClients,
  useRevokeClient,
  useRotateSecret,
  type IssuedSecret,
  type PartnerClient,
} from './api';
import { SecretDialog } from './SecretDialog';

/** The approved member's API clients: create one (its secret shown once), list them, rotate or revoke each. */
export function ClientsSection() {
  const { t } = useTranslation('partner');
  const problems = useProblemText();
  const clients = usePartnerClients(true);
  const [shown, setShown] = useState<{ issued: IssuedSecret; name: string }>();
  const [revokedName, setRevokedName] = useState<string>();

  return (
    <section className="partner-section" aria-labelledby="partner-clients-title">
      <h2 id="partner-clients-title">{t('clients.title')}</h2>
      <p>{t('clients.intro')}</p>
      <CreateClientForm onCreated={(issued, name) => setShown({ issued, name })} />
      {revokedName && <Notice tone="success">{t('clients.revokedDone', { name: revokedName })}</Notice>}
      {clients.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : clients.isError ? (
        <Notice tone="error">{problems.message(clients.error)}</Notice>
      ) : clients.data.length === 0 ? (
        <p data-testid="clients-empty">{t('clients.empty')}</p>
      ) : (
        <ul className="partner-clients" aria-label={t('clients.listLabel')} data-testid="clients">
          {clients.data.map((client) => (
            <ClientItem key={client.clientId} client={client} onSecret={(issued) => setShown({ issued, name: client.name })}
              onRevoked={() => setRevokedName(client.name)} />
          ))}
        </ul>
      )}
      {shown && <SecretDialog issued={shown.issued} name={shown.name} onClose={() => setShown(undefined)} />}
    </section>
  );
}

function CreateClientForm({ onCreated }: { onCreated: (issued: IssuedSecret, name: string) => void }) {
  const { t } = useTranslation('partner');
  const problems = useProblemText();
  const create = useCreateClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = name.trim();
    const found: { name?: string; scopes?: string } = {};
    if (!wanted || wanted.length > CLIENT_NAME_MAX) found.name = t('clients.nameInvalid', { max: CLIENT_NAME_MAX });
    if (scopes.length === 0) found.scopes = t('clients.scopesInvalid');
    setErrors(found);
    if (found.name || found.scopes) return;
    // In the catalogue's order, whatever order they were ticked in.
    const chosen = SCOPES.filter((scope) => scopes.includes(scope));
    create.mutate(
      { name: wanted, scopes: chosen },
      {
        onSuccess: (issued) => {
          onCreated(issued, issued.name ?? wanted);
          setName('');
          setScopes([]);
        },
      },
    );
  };

  const scopesError = errors.scopes ?? problems.field(create.error, 'scopes');
  return (
    <form onSubmit={submit} noValidate className="partner-create" aria-labelledby="partner-create-title">
      <h3 id="partner-create-title">{t('clients.createTitle')}</h3>
      <TextField label={t('clients.name')} hint={t('clients.nameHint')} name="name" value={name} maxLength={CLIENT_NAME_MAX}
        error={errors.name ?? problems.field(create.error, 'name')} onChange={(event) => setName(event.target.value)} />
      <fieldset aria-describedby={scopesError ? 'partner-scopes-error' : undefined} aria-invalid={scopesError ? true : undefined}>
        <legend>{t('clients.scopes')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope}>
            <input type="checkbox" name="scopes" value={scope} checked={scopes.includes(scope)}
              onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
            {/* i18next reads a colon as a namespace separator: the keys use an underscore. */}
            {t(`clients.scope.${scope.replace(':', '_')}`)}
          </label>
        ))}
        {scopesError && <small id="partner-scopes-error" className="field-error">{scopesError}</small>}
      </fieldset>
      {create.isError && !problems.field(create.error, 'name') && <Notice tone="error">{problems.message(create.error)}</Notice>}
      <Button type="submit" busy={create.isPending}>{t('clients.create')}</Button>
    </form>
  );
}

function ClientItem({ client, onSecret, onRevoked }: { client: PartnerClient; onSecret: (issued: IssuedSecret) => void; onRevoked: () => void }) {
  const { t } = useTranslation('partner');
  const format = useFormat();
  const problems = useProblemText();
  const rotate = useRotateSecret();
  const revoke = useRevokeClient();
  const [confirming, setConfirming] = useState<'rotate' | 'revoke'>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const error = rotate.error ?? revoke.error;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const confirm = () => {
    if (confirming === 'rotate') {
      rotate.mutate(client.clientId, { onSuccess: (issued) => { setConfirming(undefined); onSecret(issued); } });
    } else {
      revoke.mutate(client.clientId, { onSuccess: () => { setConfirming(undefined); onRevoked(); } });
    }
  };

  return (
    <li className="partner-client" data-testid="client-row" data-client-id={client.clientId}>
      <div className="partner-client__head">
        <strong>{client.name}</strong>{' '}
        <span className={client.revokedAt ? 'partner-badge partner-badge--off' : 'partner-badge'} data-testid="client-state">
          {client.revokedAt ? t('clients.revoked', { date: format.date(client.revokedAt) }) : t('clients.active')}
        </span>
      </div>
      <p className="partner-client__id">
        {t('clients.clientId')}: <code>{client.clientId}</code>
      </p>
      <ul className="partner-scopes" aria-label={t('clients.scopes')}>
        {client.scopes.map((scope) => (
          <li key={scope}>
            <code>{scope}</code>
          </li>
        ))}
      </ul>
      <p>
        <small>
          {t('clients.created', { date: format.dateTime(client.createdAt) })}
          {client.secretRotatedAt && <> · {t('clients.rotated', { date: format.dateTime(client.secretRotatedAt) })}</>}
          {' · '}
          {t('clients.lastToken', { date: client.lastTokenAt ? format.dateTime(client.lastTokenAt) : t('never') })}
        </small>
      </p>
      {!client.revokedAt && (
        <div className="partner-actions">
          <Button variant="secondary" aria-expanded={confirming === 'rotate'} aria-label={t('clients.rotateNamed', { name: client.name })}
            onClick={() => setConfirming(confirming === 'rotate' ? undefined : 'rotate')}>
            {t('clients.rotate')}
          </Button>
          <Button variant="danger" aria-expanded={confirming === 'revoke'} aria-label={t('clients.revokeNamed', { name: client.name })}
            onClick={() => setConfirming(confirming === 'revoke' ? undefined : 'revoke')}>
            {t('clients.revoke')}
          </Button>
        </div>
      )}
      {confirming && (
        <div className="partner-confirm" role="group" aria-label={t(confirming === 'rotate' ? 'clients.rotateNamed' : 'clients.revokeNamed', { name: client.name })}>
          <p>{t(confirming === 'rotate' ? 'clients.confirmRotate' : 'clients.confirmRevoke', { name: client.name })}</p>
          <div className="partner-actions">
            <button ref={confirmButton} type="button" className={confirming === 'revoke' ? 'danger' : undefined}
              disabled={rotate.isPending || revoke.isPending} aria-busy={rotate.isPending || revoke.isPending || undefined} onClick={confirm}>
              {t(confirming === 'rotate' ? 'clients.rotateForGood' : 'clients.revokeForGood')}
            </button>
            <Button variant="plain" onClick={() => setConfirming(undefined)}>{t('cancel')}</Button>
          </div>
        </div>
      )}
      {error && <Notice tone="error">{problems.message(error)}</Notice>}
    </li>
  );
}
