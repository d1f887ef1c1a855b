"use client";

import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, PlusIcon } from "lucide-react";
import { toast } from "sonner";
import type { PersonalAccessToken } from "@/lib/api/access-token-schemas";
import { accessTokenApi, accessTokenKeys, type CreateTokenInput } from "@/lib/api/access-token-client";
import { errorText, ListEmpty, ListError, ListLoading } from "@/components/admin/list-states";
import { formatDateTime } from "@/components/admin/format";
import { CredentialStateBadge, credentialState } from "@/components/credentials/credential-status";
import { OneTimeSecretDialog, type OneTimeSecret } from "@/components/credentials/one-time-secret-dialog";
import { RevokeDialog } from "@/components/credentials/revoke-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "never", label: "No expiry" },
] as const;

const expiryOf = (value: string): CreateTokenInput["expires_in_days"] => (value === "never" ? null : (Number(value) as 7 | 30 | 90));

/** The signed-in user's personal access tokens: create (the secret is shown once), list, revoke. */
export function PersonalAccessTokens({ initial }: { initial?: PersonalAccessToken[] }) {
  const queryClient = useQueryClient();
  const ids = { name: useId(), expiry: useId(), error: useId() };
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("30");
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [revoking, setRevoking] = useState<PersonalAccessToken | null>(null);
  const tokens = useQuery({ queryKey: accessTokenKeys.tokens(), queryFn: () => accessTokenApi.listTokens(), initialData: initial });

  const create = useMutation({
    mutationFn: (body: CreateTokenInput) => accessTokenApi.createToken(body),
    onSuccess: (created) => {
      setName("");
      setSecret({
        kind: "personal access token",
        name: created.name,
        value: created.token,
        usage: "Send it as Authorization: Bearer <token>. It acts as you, with your role, on every endpoint.",
      });
      void queryClient.invalidateQueries({ queryKey: accessTokenKeys.tokens() });
    },
  });

  const revoke = useMutation({
    mutationFn: (token: PersonalAccessToken) => accessTokenApi.revokeToken(token.id),
    onSuccess: (_result, token) => {
      toast.success(`Revoked “${token.name}”`);
      void queryClient.invalidateQueries({ queryKey: accessTokenKeys.tokens() });
    },
    onError: (error) => toast.error(`Could not revoke the token: ${errorText(error)}`),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, expires_in_days: expiryOf(expiry) });
  }

  return (
    <div className="flex flex-col gap-6" data-slot="personal-access-tokens">
      <form onSubmit={submit} aria-label="Create a personal access token" className="flex flex-col gap-3 rounded-lg border border-border p-4">
        <h2 className="font-medium">New token</h2>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-56 flex-1 flex-col gap-1.5">
            <Label htmlFor={ids.name}>Name</Label>
            <Input
              id={ids.name}
              value={name}
              required
              maxLength={100}
              placeholder="e.g. reporting script"
              onChange={(event) => setName(event.target.value)}
              aria-invalid={create.isError || undefined}
              aria-describedby={create.isError ? ids.error : undefined}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.expiry}>Expires</Label>
            <NativeSelect id={ids.expiry} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" disabled={create.isPending || name.trim() === ""}>
            <PlusIcon aria-hidden /> Create token
          </Button>
        </div>
        {create.isError ? (
          <Alert tone="error" role="alert" id={ids.error}>
            Could not create the token: {errorText(create.error)}
          </Alert>
        ) : null}
      </form>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="font-medium">
          Your tokens
        </h2>
        {tokens.isPending ? (
          <ListLoading label="Loading your tokens" rows={3} />
        ) : tokens.isError ? (
          <ListError what="Your tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <ListEmpty icon={<KeyRoundIcon aria-hidden />}>
            <p>No tokens yet. Create one for a script or an app that calls the API as you.</p>
          </ListEmpty>
        ) : (
          <Table aria-label="Your personal access tokens">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Token</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.data.map((token) => {
                const state = credentialState(token);
                return (
                  <TableRow key={token.id} data-state={state}>
                    <TableCell className="font-medium">{token.name}</TableCell>
                    <TableCell className="font-mono text-xs">{token.prefix}…</TableCell>
                    <TableCell>{formatDateTime(token.created_at)}</TableCell>
                    <TableCell>{token.expires_at ? formatDateTime(token.expires_at) : "Never"}</TableCell>
                    <TableCell>{token.last_used_at ? formatDateTime(token.last_used_at) : "Never"}</TableCell>
                    <TableCell>
                      <CredentialStateBadge state={state} />
                    </TableCell>
                    <TableCell className="text-right">
                      {state === "active" ? (
                        <Button size="sm" variant="secondary" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
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
        kind="token"
        consequence="Scripts and apps that use it get 401 from their next request on."
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking);
          setRevoking(null);
        }}
      />
    </div>
  );
}
