import "server-only";
import type { Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";

/** Who did it: a signed-in user, an organization API key, or the system (background jobs). */
export type AuditActor = { type: "user"; userId: string } | { type: "api_key"; apiKeyId: string } | { type: "system" };

export interface AuditEntry {
  organizationId: string;
  actor: AuditActor;
  /** `<target type>.<verb>`, e.g. "golden_example.deactivated". */
  action: string;
  target: { type: string; id: string };
  /** What changed: e.g. the cause, or the state before and after. */
  data?: Record<string, unknown>;
  at?: string;
}

/** Appends an entry; call it in the transaction of the change it records, so both commit or neither. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  const { actor } = entry;
  // The schema has a column for an acting user only; a key's id is kept with the data.
  const data = actor.type === "api_key" ? { ...entry.data, api_key_id: actor.apiKeyId } : entry.data;
  await db
    .insertInto("AuditLog")
    .values({
      id: newId(),
      organizationId: entry.organizationId,
      actorUserId: actor.type === "user" ? actor.userId : null,
      actorType: actor.type,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      data: data === undefined ? null : JSON.stringify(data),
      createdAt: entry.at ?? isoNow(),
    })
    .execute();
}
