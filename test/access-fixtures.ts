// An organization with every credential its API can be called with, and small builders of the rows
// its endpoints act on, for the authorization matrix and the fuzzers.
import { createApiKey } from "@/server/auth/api-keys";
import type { UserActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { isoNow } from "@/server/db/ids";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { createGoldenExample } from "@/server/golden-examples/golden-example-service";
import { createTestConversation, createTestOrganization } from "./fixtures";
import { sessionCookie } from "./http";

export async function createAccessOrganization(db: Db) {
  const org = await createTestOrganization(db);
  const organizationId = org.organization.id;
  const apiKey = await createApiKey(db, { organizationId, name: "chat backend" });
  const revokedApiKey = await createApiKey(db, { organizationId, name: "retired backend" });
  await db.updateTable("ApiKey").set({ revokedAt: isoNow() }).where("id", "=", revokedApiKey.id).execute();
  return {
    ...org,
    apiKey: apiKey.key,
    revokedApiKey: revokedApiKey.key,
    cookies: {
      member: await sessionCookie(org.member, organizationId, "member"),
      reviewer: await sessionCookie(org.reviewer, organizationId, "reviewer"),
      admin: await sessionCookie(org.admin, organizationId, "admin"),
    },
  };
}

export type AccessOrganization = Awaited<ReturnType<typeof createAccessOrganization>>;

export function actorOf(org: AccessOrganization, role: Role): UserActor {
  const user = org[role];
  return { kind: "user", userId: user.id, organizationId: org.organization.id, role, email: user.email, name: user.name };
}

/** A conversation of `owner` with one rated answer (a pending vote by the owner). */
export async function createVote(db: Db, org: AccessOrganization, owner: Role = "member", feedbackType: "positive" | "negative" = "positive") {
  const { conversation, messages } = await createTestConversation(db, org.organization.id, org[owner].id, 1);
  const answerId = messages[1]!.id;
  const { feedback } = await submitFeedback({ db, actor: actorOf(org, owner) }, { message_id: answerId, feedback_type: feedbackType, reason: "Fixture vote" });
  return { conversationId: conversation.id, answerId, feedbackId: feedback.id, updatedAt: feedback.updatedAt };
}

/** A golden example written by the organization's reviewer. */
export async function createGoldenExampleOf(db: Db, org: AccessOrganization) {
  return createGoldenExample({ db, actor: actorOf(org, "reviewer") }, { original_query: "How do I reset my password?", golden_response: "Use Forgot password." });
}
