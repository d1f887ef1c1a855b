"use client";

import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeySquareIcon, PlusIcon } from "lucide-react";
import { toast } from "sonner";
import type { ApiKey } from "@/lib/api/access-token-schemas";
import { accessTokenApi, accessTokenKeys, type CreateApiKeyInput } from "@/lib/api/access-token-client";
import { API_KEY_SCOPES, API_KEY_SCOPE_NAMES, type ApiKeyScope } from "@/lib/api/api-key-scopes";
import { CredentialStateBadge, credentialState } from "@/components/credentials/credential-status";
import { OneTimeSecretDialog, type OneTimeSecret } from "@/components/credentials/one-time-secret-dialog";
import { RevokeDialog } from "@/components/credentials/revoke-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "../format";
import { errorText, ListEmpty, ListError, ListLoading } from "../list-states";

/** The organization's API keys, for admins: create with scopes (the secret is shown once), list, revoke. */
export function ApiKeysManager({ initial }: { initial?: ApiKey[] }) {
  const queryClient = useQueryClient();
  const ids = { name: useId(), scopes: useId(), error: useId() };
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["conversations:write"]);
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({ queryKey: accessTokenKeys.apiKeys(), queryFn: () => accessTokenApi.listApiKeys(), initialData: initial });

  const create = useMutation({
    mutationFn: (body: CreateApiKeyInput) => accessTokenApi.createApiKey(body),
    onSuccess: (created) => {
      setName("");
      setSecret({
        kind: "API key",
        name: created.name,
        value: created.key,
        usage: "Store it in your backend's secrets and send it as Authorization: Bearer <key>. Never put it in a browser.",
      });
      void queryClient.invalidateQueries({ queryKey: accessTokenKeys.apiKeys() });
    },
  });

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => accessTokenApi.revokeApiKey(key.id),
    onSuccess: (_result, key) => {
      toast.success(`Revoked “${key.name}”`);
      void queryClient.invalidateQueries({ queryKey: accessTokenKeys.apiKeys() });
    },
    onError: (error) => toast.error(`Could not revoke the key: ${errorText(error)}`),
  });

  function toggle(scope: ApiKeyScope, checked: boolean) {
    setScopes((current) => (checked ? [...current, scope] : current.filter((entry) => entry !== scope)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scopes: API_KEY_SCOPE_NAMES.filter((scope) => scopes.includes(scope)) });
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
        {keys.isPending ? (
          <ListLoading label="Loading API keys" rows={3} />
        ) : keys.isError ? (
          <ListError what="API keys" error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <ListEmpty icon={<KeySquareIcon aria-hidden />}>
            <p>No API keys yet. Create one for a backend that sends conversations or mints feedback tokens.</p>
          </ListEmpty>
        ) : (
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Scopes</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.map((key) => {
                const state = credentialState(key);
                return (
                  <TableRow key={key.id} data-state={state}>
                    <TableCell className="font-medium">{key.name}</TableCell>
                    <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
                    <TableCell>
                      <span className="flex flex-wrap gap-1">
                        {key.scopes.map((scope) => (
                          <Badge key={scope}>{scope}</Badge>
                        ))}
                      </span>
                    </TableCell>
                    <TableCell>
                      {formatDateTime(key.created_at)}
                      {key.created_by_email ? <span className="block text-xs text-muted-foreground">by {key.created_by_email}</span> : null}
                    </TableCell>
                    <TableCell>{key.last_used_at ? formatDateTime(key.last_used_at) : "Never"}</TableCell>
                    <TableCell>
                      <CredentialStateBadge state={state} />
                      {key.revoked_at ? <span className="block text-xs text-muted-foreground">{formatDateTime(key.revoked_at)}</span> : null}
                    </TableCell>
                    <TableCell className="text-right">
                      {state === "active" ? (
                        <Button size="sm" variant="secondary" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>

      <OneTimeSecretDialog secret={secret} onClose={() => setSecret(null)} />
      <RevokeDialog
        target={revoking}
        kind="API key"
        consequence="Every backend that uses it gets 401 from its next request on."
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking);
          setRevoking(null);
        }}
      />
    </div>
  );
}
