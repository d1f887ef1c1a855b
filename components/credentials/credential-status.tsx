import { Badge } from "@/components/ui/badge";

export type CredentialState = "active" | "expired" | "revoked";

/** Whether a token or key still works: revoked wins over expired. */
export function credentialState(credential: { revoked_at: string | null; expires_at?: string | null }, now: number = Date.now()): CredentialState {
  if (credential.revoked_at) return "revoked";
  if (credential.expires_at && Date.parse(credential.expires_at) <= now) return "expired";
  return "active";
}

const TONES = { active: "positive", expired: "neutral", revoked: "negative" } as const;
const LABELS: Record<CredentialState, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

export function CredentialStateBadge({ state }: { state: CredentialState }) {
  return (
    <Badge tone={TONES[state]} data-state={state}>
      {LABELS[state]}
    </Badge>
  );
}
