import "server-only";
import { AllowedOriginsSchema } from "@/lib/api/allowed-origins";
import type { Queryable } from "@/server/db/database";

/**
 * Which organizations allow which origins (CORS), as one snapshot per instance: preflights carry no
 * credentials, so they are decided by "does any organization allow this origin", and every CORS
 * decision is a map lookup instead of a query. Reloaded at most every ALLOWED_ORIGINS_TTL_MS; this
 * instance's own settings changes reload it at once, other instances follow within that bound.
 */
export const ALLOWED_ORIGINS_TTL_MS = 30_000;

export type OriginGrants = ReadonlyMap<string, ReadonlySet<string>>;

let snapshot: { grants: OriginGrants; loadedAt: number } | null = null;
let loading: Promise<OriginGrants> | null = null;
let generation = 0;

/** An organization's stored origins; a row the schema does not accept (hand-edited) counts as none. */
export function parseAllowedOrigins(stored: unknown): string[] {
  const parsed = AllowedOriginsSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

async function load(db: Queryable): Promise<OriginGrants> {
  const rows = await db.selectFrom("FeedbackSettings").select(["organizationId", "allowedOrigins"]).where("allowedOrigins", "!=", "[]").execute();
  const grants = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const origin of parseAllowedOrigins(row.allowedOrigins)) {
      const organizations = grants.get(origin) ?? new Set<string>();
      organizations.add(row.organizationId);
      grants.set(origin, organizations);
    }
  }
  return grants;
}

/** The organizations that allow each origin, at most ALLOWED_ORIGINS_TTL_MS old; one load at a time. */
export async function originGrants(db: Queryable, now: number = Date.now()): Promise<OriginGrants> {
  if (snapshot && now - snapshot.loadedAt < ALLOWED_ORIGINS_TTL_MS) return snapshot.grants;
  if (loading) return loading;
  const started = generation;
  const request = load(db).then((grants) => {
    // A change made while this load ran may be missing from it: keep it for this caller only.
    if (started === generation) snapshot = { grants, loadedAt: now };
    return grants;
  });
  loading = request;
  const clear = () => {
    if (loading === request) loading = null;
  };
  request.then(clear, clear);
  return request;
}

/** After a settings change on this instance: the next CORS decision reads the database again. */
export function forgetOriginGrants(): void {
  generation++;
  snapshot = null;
  loading = null;
}
