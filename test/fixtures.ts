// Builders for integration tests. Every call makes a new organization with unique slugs and
// emails, so test files can share one database and run in parallel.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";

export async function createTestOrganization(db: Db) {
  const tag = randomUUID().slice(0, 8);
  const organization = await db.organization.create({ data: { slug: `org-${tag}`, name: `Org ${tag}` } });
  await db.feedbackSettings.create({
    data: {
      organizationId: organization.id,
      reasonOptions: DEFAULT_REASON_OPTIONS as object,
      maxReasonLength: DEFAULT_MAX_REASON_LENGTH,
      allowedOrigins: [],
    },
  });
  const addUser = async (role: "member" | "reviewer" | "admin") => {
    const user = await db.user.create({ data: { email: `${role}-${tag}@example.test`, name: `${role} ${tag}` } });
    await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
    return user;
  };
  const member = await addUser("member");
  const reviewer = await addUser("reviewer");
  const admin = await addUser("admin");
  return { organization, member, reviewer, admin };
}

/** A conversation of alternating user/assistant turns owned by userId. */
export async function createTestConversation(db: Db, organizationId: string, userId: string, turns = 2) {
  const conversation = await db.conversation.create({ data: { organizationId, userId, title: "Test chat" } });
  const messages = [];
  for (let position = 0; position < turns * 2; position++) {
    const role = position % 2 === 0 ? "user" : "assistant";
    messages.push(
      await db.message.create({
        data: {
          organizationId,
          conversationId: conversation.id,
          role,
          position,
          content: role === "user" ? `Question ${position / 2 + 1}?` : `Answer ${(position - 1) / 2 + 1}.`,
        },
      }),
    );
  }
  return { conversation, messages };
}
