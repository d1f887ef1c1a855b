import "server-only";
import type { AddMemberBody, Member, MemberRole } from "@/lib/api/member-schemas";
import { recordAudit } from "@/server/audit/audit-log";
import type { UserActor } from "@/server/auth/actor";
import { endMemberSessions, forgetMember } from "@/server/auth/session-store";
import { isUniqueViolation } from "@/server/conversations/unique-violation";
import { dialectOf, inTransaction, type Db, type Queryable } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { conflict, notFound } from "@/server/errors";

export interface MemberContext {
  db: Db;
  actor: UserActor;
}

const MEMBERSHIP = { model: "Membership", fields: ["organizationId", "userId"] } as const;

function members(db: Queryable, organizationId: string) {
  return db
    .selectFrom("Membership as m")
    .innerJoin("User as u", "u.id", "m.userId")
    .select(["m.id", "m.userId", "u.email", "u.name", "m.role", "m.createdAt"])
    .where("m.organizationId", "=", organizationId);
}

type MemberRow = NonNullable<Awaited<ReturnType<ReturnType<typeof members>["executeTakeFirst"]>>>;

const toMember = (row: MemberRow): Member => ({ id: row.id, user_id: row.userId, email: row.email, name: row.name, role: row.role, joined_at: row.createdAt });

const audit = (tx: Queryable, ctx: MemberContext, action: string, id: string, data: Record<string, unknown>) =>
  recordAudit(tx, { organizationId: ctx.actor.organizationId, actor: { type: "user", userId: ctx.actor.userId }, action, target: { type: "member", id }, data });

/** The organization's members by email. */
export async function listMembers(ctx: MemberContext): Promise<Member[]> {
  const rows = await members(ctx.db, ctx.actor.organizationId).orderBy("u.email").orderBy("m.id").execute();
  return rows.map(toMember);
}

/** Adds someone by email: their User row is created if it does not exist; signing in with the email links to it. */
export async function addMember(ctx: MemberContext, input: AddMemberBody): Promise<Member> {
  const { organizationId } = ctx.actor;
  const now = isoNow();
  const alreadyMember = () => conflict(`${input.email} is already a member of this organization; change their role instead`, "member_exists");
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await tx
        .insertInto("User")
        .values({ id: newId(), email: input.email, createdAt: now, updatedAt: now })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      const user = await tx.selectFrom("User").select("id").where("email", "=", input.email).executeTakeFirstOrThrow();
      const existing = await tx.selectFrom("Membership").select("id").where("organizationId", "=", organizationId).where("userId", "=", user.id).executeTakeFirst();
      if (existing) throw alreadyMember();
      const id = newId();
      await tx.insertInto("Membership").values({ id, organizationId, userId: user.id, role: input.role, createdAt: now }).execute();
      await audit(tx, ctx, "member.added", id, { email: input.email, role: input.role });
      return toMember(await members(tx, organizationId).where("m.id", "=", id).executeTakeFirstOrThrow());
    });
  } catch (error) {
    // Two admins adding the same email at once: the second insert loses on the unique constraint.
    if (isUniqueViolation(error, MEMBERSHIP)) throw alreadyMember();
    throw error;
  }
}

/**
 * The member, with the organization's admins locked (PostgreSQL; SQLite runs one write transaction
 * at a time), so two admins demoting each other at once cannot leave the organization without one.
 */
async function lockedMember(tx: Queryable, organizationId: string, id: string) {
  const admins = await tx
    .selectFrom("Membership")
    .select("id")
    .where("organizationId", "=", organizationId)
    .where("role", "=", "admin")
    .$if(dialectOf(tx) === "postgresql", (query) => query.forUpdate())
    .execute();
  const row = await members(tx, organizationId).where("m.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Member not found");
  const isLastAdmin = row.role === "admin" && admins.length === 1;
  return { row, lastAdmin: () => conflict(`${row.email} is the organization's last admin; make someone else an admin first`, "last_admin"), isLastAdmin };
}

/** Changes a member's role; their sessions act with it within the session bound (at once on this instance). */
export async function updateMemberRole(ctx: MemberContext, id: string, role: MemberRole): Promise<Member> {
  const { organizationId } = ctx.actor;
  const member = await inTransaction(ctx.db, async (tx) => {
    const { row, isLastAdmin, lastAdmin } = await lockedMember(tx, organizationId, id);
    if (row.role === role) return row;
    if (isLastAdmin) throw lastAdmin();
    await tx.updateTable("Membership").set({ role }).where("id", "=", id).execute();
    await audit(tx, ctx, "member.role_changed", id, { email: row.email, from: row.role, to: role });
    return { ...row, role };
  });
  forgetMember(member.userId, organizationId);
  return toMember(member);
}

/** Removes a member and ends their sessions in this organization. */
export async function removeMember(ctx: MemberContext, id: string): Promise<void> {
  const { organizationId } = ctx.actor;
  const member = await inTransaction(ctx.db, async (tx) => {
    const { row, isLastAdmin, lastAdmin } = await lockedMember(tx, organizationId, id);
    if (isLastAdmin) throw lastAdmin();
    await tx.deleteFrom("Membership").where("id", "=", id).execute();
    await endMemberSessions(tx, row.userId, organizationId);
    await audit(tx, ctx, "member.removed", id, { email: row.email, role: row.role });
    return row;
  });
  forgetMember(member.userId, organizationId);
}
