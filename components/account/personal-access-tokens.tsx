"use client";

import { useId, useState, type FormEvent } from "react";
import { KeyRoundIcon, PlusIcon } from "lucide-react";
import type { CreatedPersonalAccessToken, PersonalAccessToken } from "@/lib/api/access-token-schemas";
import { accessTokenApi, accessTokenKeys, type CreateTokenInput } from "@/lib/api/access-token-client";
import { errorText } from "@/components/admin/list-states";
import { formatDateTime } from "@/components/admin/format";
import { CredentialTable, type CredentialColumn } from "@/components/credentials/credential-table";
import { CredentialDialogs, useCredentials } from "@/components/credentials/use-credentials";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "never", label: "No expiry" },
] as const;

const TOKEN_COLUMNS: Array<CredentialColumn<PersonalAccessToken>> = [
  { header: "Created", cell: (token) => formatDateTime(token.created_at) },
  { header: "Expires", cell: (token) => (token.expires_at ? formatDateTime(token.expires_at) : "Never") },
  { header: "Last used", cell: (token) => (token.last_used_at ? formatDateTime(token.last_used_at) : "Never") },
];

const expiryOf = (value: string): CreateTokenInput["expires_in_days"] => (value === "never" ? null : (Number(value) as 7 | 30 | 90));

/** The signed-in user's personal access tokens: create (the secret is shown once), list, revoke. */
export function PersonalAccessTokens({ initial }: { initial?: PersonalAccessToken[] }) {
  const ids = { name: useId(), expiry: useId(), error: useId() };
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("30");
  const state = useCredentials({
    queryKey: accessTokenKeys.tokens(),
    initial,
    list: () => accessTokenApi.listTokens(),
    create: (body: CreateTokenInput) => accessTokenApi.createToken(body),
    revoke: (id) => accessTokenApi.revokeToken(id),
    kind: "token",
    secretOf: (created: CreatedPersonalAccessToken) => ({
      kind: "personal access token",
      name: created.name,
      value: created.token,
      usage: "Send it as Authorization: Bearer <token>. It acts as you, with your role, on every endpoint.",
    }),
  });
  const { create } = state;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, expires_in_days: expiryOf(expiry) }, { onSuccess: () => setName("") });
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
        <CredentialTable
          label="Your personal access tokens"
          loading="Loading your tokens"
          query={state.query}
          prefixHeader="Token"
          columns={TOKEN_COLUMNS}
          empty={{ icon: <KeyRoundIcon aria-hidden />, text: "No tokens yet. Create one for a script or an app that calls the API as you." }}
          onRevoke={state.setRevoking}
        />
      </section>

      <CredentialDialogs state={state} kind="token" consequence="Scripts and apps that use it get 401 from their next request on." />
    </div>
  );
}
