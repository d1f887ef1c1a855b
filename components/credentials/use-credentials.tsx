"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { errorText } from "@/components/admin/list-states";
import { OneTimeSecretDialog, type OneTimeSecret } from "./one-time-secret-dialog";
import { RevokeDialog } from "./revoke-dialog";
import type { Credential } from "./credential-table";

interface CredentialApi<T extends Credential, Body, Created> {
  queryKey: readonly unknown[];
  initial?: T[];
  list(): Promise<T[]>;
  create(body: Body): Promise<Created>;
  revoke(id: string): Promise<void>;
  /** The dialog's text for a created one. */
  secretOf(created: Created): OneTimeSecret;
  /** "token", "API key": for the revoke dialog and messages. */
  kind: string;
}

/** What the tokens and API keys pages share: the list, creating (the secret shown once) and revoking (after a confirmation). */
export function useCredentials<T extends Credential, Body, Created>(api: CredentialApi<T, Body, Created>) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [revoking, setRevoking] = useState<T | null>(null);
  const query = useQuery({ queryKey: api.queryKey, queryFn: () => api.list(), initialData: api.initial });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: api.queryKey });

  const create = useMutation({
    mutationFn: (body: Body) => api.create(body),
    onSuccess: (created) => {
      setSecret(api.secretOf(created));
      refresh();
    },
  });

  const revoke = useMutation({
    mutationFn: (row: T) => api.revoke(row.id),
    onSuccess: (_result, row) => {
      toast.success(`Revoked “${row.name}”`);
      refresh();
    },
    onError: (error) => toast.error(`Could not revoke the ${api.kind}: ${errorText(error)}`),
  });

  return { query, create, revoke, secret, setSecret, revoking, setRevoking };
}

type CredentialsState<T extends Credential> = Pick<ReturnType<typeof useCredentials<T, unknown, unknown>>, "secret" | "setSecret" | "revoking" | "setRevoking" | "revoke">;

/** The secret-once and revoke-confirmation dialogs of a credentials page. */
export function CredentialDialogs<T extends Credential>({ state, kind, consequence }: { state: CredentialsState<T>; kind: string; consequence: string }) {
  return (
    <>
      <OneTimeSecretDialog secret={state.secret} onClose={() => state.setSecret(null)} />
      <RevokeDialog
        target={state.revoking}
        kind={kind}
        consequence={consequence}
        onCancel={() => state.setRevoking(null)}
        onConfirm={() => {
          if (state.revoking) state.revoke.mutate(state.revoking);
          state.setRevoking(null);
        }}
      />
    </>
  );
}
