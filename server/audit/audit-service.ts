import "server-only";
import type { AuditEntry, AuditQuery } from "@/lib/api/admin-schemas";
import type { UserActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/database";

export interface AuditContext {
  db: Db;
  actor: UserActor;
}

const ACTOR_TYPES = new Set(["user", "api_key", "system"]);

/** The organization's audit log, newest first, filtered by actor (user id or email, or "system"), action and item. */
export async function listAuditLog(ctx: AuditContext, query: AuditQuery): Promise<{ items: AuditEntry[]; total: number; limit: number; offset: number }> {
  const { limit, offset } = query;
  const scoped = () =>
    ctx.db
      .selectFrom("AuditLog as a")
      .leftJoin("User as u", "u.id", "a.actorUserId")
      .where("a.organizationId", "=", ctx.actor.organizationId)
      .$if(query.actor !== undefined, (qb) =>
        qb.where((eb) =>
          query.actor === "system" ? eb("a.actorType", "=", "system") : eb.or([eb("a.actorUserId", "=", query.actor!), eb("u.email", "=", query.actor!.toLowerCase())]),
        ),
      )
      .$if(query.action !== undefined, (qb) => qb.where("a.action", "=", query.action!))
      .$if(query.item !== undefined, (qb) => qb.where("a.targetId", "=", query.item!));
  const rows = await scoped()
    .select(["a.id", "a.actorType", "a.actorUserId", "u.email", "a.action", "a.targetType", "a.targetId", "a.data", "a.createdAt"])
    .orderBy("a.createdAt", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await scoped()
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      id: row.id,
      actor_type: (ACTOR_TYPES.has(row.actorType) ? row.actorType : "system") as AuditEntry["actor_type"],
      actor_user_id: row.actorUserId,
      actor_email: row.email,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      data: typeof row.data === "object" && row.data !== null && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : null,
      created_at: row.createdAt,
    })),
    total: Number(total),
    limit,
    offset,
  };
}
