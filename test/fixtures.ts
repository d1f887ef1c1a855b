// Builders for integration tests. Every call makes a new organization with unique slugs and
// emails, so test files can share one database and run in parallel.
import { randomUUID } from "node:crypto";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";
import type { Db } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { isoNow, newId } from "@/server/db/ids";
import { linkReplies } from "@/server/conversations/reply-links";

export async function createTestOrganization(db: Db) {
  const tag = randomUUID().slice(0, 8);
  const now = isoNow();
  const organization = await db
    .insertInto("Organization")
    .values({ id: newId(), slug: `org-${tag}`, name: `Org ${tag}`, createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto("FeedbackSettings")
    .values({
      organizationId: organization.id,
      reasonOptions: JSON.stringify(DEFAULT_REASON_OPTIONS),
      maxReasonLength: DEFAULT_MAX_REASON_LENGTH,
      allowedOrigins: "[]",
      updatedAt: now,
    })
    .execute();
  const addUser = async (role: Role) => {
    const user = await db
      .insertInto("User")
      .values({ id: newId(), email: `${role}-${tag}@example.test`, name: `${role} ${tag}`, createdAt: now, updatedAt: now })
      .returning(["id", "email", "name"])
      .executeTakeFirstOrThrow();
    await db.insertInto("Membership").values({ id: newId(), organizationId: organization.id, userId: user.id, role, createdAt: now }).execute();
    return user;
  };
  const member = await addUser("member");
  const reviewer = await addUser("reviewer");
  const admin = await addUser("admin");
  return { organization, member, reviewer, admin };
}

/** A conversation of alternating user/assistant turns owned by userId. */
export async function createTestConversation(db: Db, organizationId: string, userId: string, turns = 2) {
  const now = isoNow();
  const conversation = await db
    .insertInto("Conversation")
    .values({ id: newId(), organizationId, userId, title: "Test chat", createdAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  const rows = linkReplies(
    Array.from({ length: turns * 2 }, (_, position) => {
      const role = position % 2 === 0 ? ("user" as const) : ("assistant" as const);
      const content = role === "user" ? `Question ${position / 2 + 1}?` : `Answer ${(position - 1) / 2 + 1}.`;
      return { id: newId(), organizationId, conversationId: conversation.id, role, position, content, createdAt: now };
    }),
  );
  const messages = rows.length === 0 ? [] : await db.insertInto("Message").values(rows).returningAll().execute();
  return { conversation, messages: messages.sort((a, b) => a.position - b.position) };
}

/** Changes the organization's settings row (a test's precondition). */
export async function updateTestSettings(db: Db, organizationId: string, settings: Partial<{ feedbackEnabled: boolean; autoApprovePositive: boolean; autoApproveNegative: boolean; requireReasonPositive: boolean; requireReasonNegative: boolean; maxReasonLength: number }>) {
  await db.updateTable("FeedbackSettings").set(settings).where("organizationId", "=", organizationId).execute();
}
