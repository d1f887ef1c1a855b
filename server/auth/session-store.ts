import "server-only";
import { randomUUID } from "node:crypto";
import type { Queryable } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { isoNow, newId } from "@/server/db/ids";

// Sessions are rows (one per sign-in, keyed by the session JWT's jti), so sign-out and removal end
// them and a role change applies to them. Every authenticated request resolves its row and the
// membership's current role through a per-instance cache: an entry lives at most
// SESSION_CACHE_TTL_MS, so a change made on another instance is seen within that bound, and the
// instance that made the change drops its entries at once (docs/security.md, "Sessions").

/** How long one instance may answer from its cache: half the 60-second bound the spec allows. */
export const SESSION_CACHE_TTL_MS = 30_000;

/** A live session: its membership as the database says now. */
export interface LiveSession {
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string | null;
}

interface Entry {
  /** null: no live session (signed out, removed, expired); remembered as briefly as a live one. */
  session: LiveSession | null;
  until: number;
}

/** Resolved sessions by jti, each kept for `ttlMs` at most (never past the session's expiry), at most `capacity` of them. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly capacity = 10_000,
  ) {}

  /** The cached answer, or undefined when there is none (or it is too old). */
  get(jti: string, now = Date.now()): LiveSession | null | undefined {
    const entry = this.entries.get(jti);
    if (!entry) return undefined;
    if (entry.until > now) return entry.session;
    this.entries.delete(jti);
    return undefined;
  }

  set(jti: string, session: LiveSession | null, expiresAt: number, now = Date.now()): void {
    const until = Math.min(now + this.ttlMs, expiresAt);
    if (until <= now) return;
    this.entries.delete(jti);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(jti, { session, until });
  }

  drop(jti: string): void {
    this.entries.delete(jti);
  }

  /** Forgets every session of one membership (its role changed or it was removed). Rare, so a scan is fine. */
  dropMember(userId: string, organizationId: string): void {
    for (const [jti, { session }] of this.entries) {
      if (session?.userId === userId && session.organizationId === organizationId) this.entries.delete(jti);
    }
  }
}

// On globalThis: Next.js loads this module once per bundle (route handlers, server components), and
// a change must drop the entries every one of them reads.
const globalForSessions = globalThis as unknown as { feedbackKitSessions?: SessionCache };
const cache = (globalForSessions.feedbackKitSessions ??= new SessionCache());

/** Records a new sign-in and returns its id (the JWT's jti); the user's expired sessions are swept on the way. */
export async function createSession(db: Queryable, input: { userId: string; organizationId: string; maxAgeSeconds: number }): Promise<string> {
  const jti = randomUUID();
  const now = Date.now();
  await db.deleteFrom("Session").where("userId", "=", input.userId).where("expires", "<=", new Date(now).toISOString()).execute();
  await db
    .insertInto("Session")
    .values({
      id: newId(),
      sessionToken: jti,
      userId: input.userId,
      organizationId: input.organizationId,
      expires: new Date(now + input.maxAgeSeconds * 1000).toISOString(),
    })
    .execute();
  return jti;
}

/** The session's membership as it is now, or null when the session ended or the membership is gone. */
export async function resolveSession(db: Queryable, jti: string): Promise<LiveSession | null> {
  const cached = cache.get(jti);
  if (cached !== undefined) return cached;
  const now = isoNow();
  const row = await db
    .selectFrom("Session as s")
    .innerJoin("Membership as m", (join) => join.onRef("m.userId", "=", "s.userId").onRef("m.organizationId", "=", "s.organizationId"))
    .innerJoin("User as u", "u.id", "s.userId")
    .select(["s.userId", "s.organizationId", "s.expires", "m.role", "u.email", "u.name"])
    .where("s.sessionToken", "=", jti)
    .where("s.expires", ">", now)
    .executeTakeFirst();
  const session = row ? { userId: row.userId, organizationId: row.organizationId, role: row.role, email: row.email, name: row.name } : null;
  cache.set(jti, session, row ? Date.parse(row.expires) : Number.POSITIVE_INFINITY);
  return session;
}

/** Sign-out: the session ends on every instance within the cache's bound, on this one at once. */
export async function endSession(db: Queryable, jti: string): Promise<void> {
  await db.deleteFrom("Session").where("sessionToken", "=", jti).execute();
  cache.drop(jti);
}

/** Removal: ends every session of the membership. Call forgetMember once the transaction committed. */
export async function endMemberSessions(db: Queryable, userId: string, organizationId: string): Promise<void> {
  await db.deleteFrom("Session").where("userId", "=", userId).where("organizationId", "=", organizationId).execute();
}

/**
 * Drops this instance's cached sessions of a membership, after a committed role change or removal
 * (dropping before the commit could re-cache the old state from a concurrent request).
 */
export function forgetMember(userId: string, organizationId: string): void {
  cache.dropMember(userId, organizationId);
}
