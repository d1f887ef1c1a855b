"use client";

import { useId, useState, type FormEvent } from "react";
import { KeySquareIcon, PlusIcon } from "lucide-react";
import type { ApiKey, CreatedApiKey } from "@/lib/api/access-token-schemas";
import { accessTokenApi, accessTokenKeys, type CreateApiKeyInput } from "@/lib/api/access-token-client";
import { API_KEY_SCOPES, API_KEY_SCOPE_NAMES, type ApiKeyScope } from "@/lib/api/api-key-scopes";
import { CredentialTable, type CredentialColumn } from "@/components/credentials/credential-table";
import { CredentialDialogs, useCredentials } from "@/components/credentials/use-credentials";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDateTime } from "../format";
import { errorText } from "../list-states";

const KEY_COLUMNS: Array<CredentialColumn<ApiKey>> = [
  {
    header: "Scopes",
    cell: (key) => (
      <span className="flex flex-wrap gap-1">
        {key.scopes.map((scope) => (
          <Badge key={scope}>{scope}</Badge>
        ))}
      </span>
    ),
  },
  {
    header: "Created",
    cell: (key) => (
      <>
        {formatDateTime(key.created_at)}
        {key.created_by_email ? <span className="block text-xs text-muted-foreground">by {key.created_by_email}</span> : null}
      </>
    ),
  },
  { header: "Last used", cell: (key) => (key.last_used_at ? formatDateTime(key.last_used_at) : "Never") },
  { header: "Revoked", cell: (key) => (key.revoked_at ? formatDateTime(key.revoked_at) : "–") },
];

/** The organization's API keys, for admins: create with scopes (the secret is shown once), list, revoke. */
export function ApiKeysManager({ initial }: { initial?: ApiKey[] }) {
  const ids = { name: useId(), scopes: useId(), error: useId() };
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["conversations:write"]);
  const state = useCredentials({
    queryKey: accessTokenKeys.apiKeys(),
    initial,
    list: () => accessTokenApi.listApiKeys(),
    create: (body: CreateApiKeyInput) => accessTokenApi.createApiKey(body),
    revoke: (id) => accessTokenApi.revokeApiKey(id),
    kind: "key",
    secretOf: (created: CreatedApiKey) => ({
      kind: "API key",
      name: created.name,
      value: created.key,
      usage: "Store it in your backend's secrets and send it as Authorization: Bearer <key>. Never put it in a browser.",
    }),
  });
  const { create } = state;

  function toggle(scope: ApiKeyScope, checked: boolean) {
    setScopes((current) => (checked ? [...current, scope] : current.filter((entry) => entry !== scope)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scopes: API_KEY_SCOPE_NAMES.filter((scope) => scopes.includes(scope)) }, { onSuccess: () => setName("") });
  }

  return (
    <div className="flex flex-col gap-6" data-slot="api-keys-manager">
      <form onSubmit={submit} aria-label="Create an API key" className="flex flex-col gap-4 rounded-lg border border-border p-4">
        <h2 className="font-medium">New API key</h2>
        <div className="flex max-w-md flex-col gap-1.5">
          <Label htmlFor={ids.name}>Name</Label>
          <Input
            id={ids.name}
            value={name}
            required
            maxLength={100}
            placeholder="e.g. production chat backend"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={create.isError || undefined}
            aria-describedby={create.isError ? ids.error : undefined}
          />
        </div>
        <fieldset className="flex flex-col gap-2" aria-describedby={ids.scopes}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          <p id={ids.scopes} className="text-sm text-muted-foreground">
            Give a key only what its backend needs.
          </p>
          {API_KEY_SCOPE_NAMES.map((scope) => (
            <div key={scope} className="flex items-start gap-2">
              <Checkbox id={`${ids.scopes}-${scope}`} checked={scopes.includes(scope)} onCheckedChange={(checked) => toggle(scope, checked === true)} className="mt-0.5" />
              <Label htmlFor={`${ids.scopes}-${scope}`} className="flex flex-col items-start gap-0.5 font-normal">
                <code className="text-sm font-medium">{scope}</code>
                <span className="text-sm text-muted-foreground">{API_KEY_SCOPES[scope]}</span>
              </Label>
            </div>
          ))}
        </fieldset>
        <div>
          <Button type="submit" disabled={create.isPending || name.trim() === "" || scopes.length === 0}>
            <PlusIcon aria-hidden /> Create API key
          </Button>
        </div>
        {create.isError ? (
          <Alert tone="error" role="alert" id={ids.error}>
            Could not create the key: {errorText(create.error)}
          </Alert>
        ) : null}
      </form>

      <section aria-labelledby="api-keys-heading" className="flex flex-col gap-3">
        <h2 id="api-keys-heading" className="font-medium">
          Keys
        </h2>
        <CredentialTable
          label="API keys"
          loading="Loading API keys"
          query={state.query}
          prefixHeader="Key"
          columns={KEY_COLUMNS}
          empty={{ icon: <KeySquareIcon aria-hidden />, text: "No API keys yet. Create one for a backend that sends conversations or mints feedback tokens." }}
          onRevoke={state.setRevoking}
        />
      </section>

      <CredentialDialogs state={state} kind="API key" consequence="Every backend that uses it gets 401 from its next request on." />
    </div>
  );
}
