// An organization with every credential its API can be called with, and small builders of the rows
// its endpoints act on, for the authorization matrix and the fuzzers.
import { API_KEY_SCOPE_NAMES } from "@/lib/api/api-key-scopes";
import { createApiKey } from "@/server/auth/api-keys";
import type { ApiKeyActor, UserActor } from "@/server/auth/actor";
import { mintFeedbackToken } from "@/server/auth/feedback-tokens";
import { createPersonalAccessToken, revokePersonalAccessToken } from "@/server/auth/personal-access-tokens";
import type { Db } from "@/server/db/database";
import type { Role } from "@/server/db/generated/enums";
import { isoNow, newId } from "@/server/db/ids";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { createGoldenExample } from "@/server/golden-examples/golden-example-service";
import { createTestConversation, createTestOrganization } from "./fixtures";
import { sessionCookie } from "./http";

export async function createAccessOrganization(db: Db) {
  const org = await createTestOrganization(db);
  const organizationId = org.organization.id;
  const actor = (role: Role): UserActor => ({ kind: "user", userId: org[role].id, organizationId, role, email: org[role].email, name: org[role].name, credential: { kind: "session" } });
  const apiKey = await createApiKey(db, { organizationId, name: "chat backend", scopes: API_KEY_SCOPE_NAMES });
  const readOnlyApiKey = await createApiKey(db, { organizationId, name: "dashboard", scopes: ["feedback:read"] });
  const scopelessApiKey = await createApiKey(db, { organizationId, name: "no scopes", scopes: [] });
  const revokedApiKey = await createApiKey(db, { organizationId, name: "retired backend", scopes: API_KEY_SCOPE_NAMES });
  await db.updateTable("ApiKey").set({ revokedAt: isoNow() }).where("id", "=", revokedApiKey.id).execute();
  const token = async (role: Role) => (await createPersonalAccessToken({ db, actor: actor(role) }, { name: `${role} script`, expires_in_days: 30 })).token;
  const revokedToken = await createPersonalAccessToken({ db, actor: actor("member") }, { name: "revoked", expires_in_days: 30 });
  await revokePersonalAccessToken({ db, actor: actor("member") }, revokedToken.id);
  const expiredToken = await createPersonalAccessToken({ db, actor: actor("member") }, { name: "expired", expires_in_days: 7 });
  await db.updateTable("PersonalAccessToken").set({ expiresAt: new Date(Date.now() - 60_000).toISOString() }).where("id", "=", expiredToken.id).execute();
  // Feedback tokens a host backend would mint for the member: for any conversation, and for one of theirs.
  const keyActor: ApiKeyActor = { kind: "api_key", apiKeyId: apiKey.id, organizationId, scopes: API_KEY_SCOPE_NAMES };
  const { conversation: tokenConversation } = await createTestConversation(db, organizationId, org.member.id, 1);
  const feedbackToken = (conversationId?: string) =>
    mintFeedbackToken({ db, actor: keyActor }, { user_id: org.member.id, ttl_seconds: 900, ...(conversationId ? { conversation_id: conversationId } : {}) }).then(({ token }) => token);
  return {
    ...org,
    apiKey: apiKey.key,
    readOnlyApiKey: readOnlyApiKey.key,
    scopelessApiKey: scopelessApiKey.key,
    revokedApiKey: revokedApiKey.key,
    cookies: {
      member: await sessionCookie(org.member, organizationId, "member"),
      reviewer: await sessionCookie(org.reviewer, organizationId, "reviewer"),
      admin: await sessionCookie(org.admin, organizationId, "admin"),
    },
    tokens: { member: await token("member"), reviewer: await token("reviewer"), admin: await token("admin"), revoked: revokedToken.token, expired: expiredToken.token },
    feedbackTokens: { anyConversation: await feedbackToken(), oneConversation: await feedbackToken(tokenConversation.id) },
  };
}

export type AccessOrganization = Awaited<ReturnType<typeof createAccessOrganization>>;

export function actorOf(org: AccessOrganization, role: Role): UserActor {
  const user = org[role];
  return { kind: "user", userId: user.id, organizationId: org.organization.id, role, email: user.email, name: user.name, credential: { kind: "session" } };
}

/** A conversation of `owner` with one rated answer (a pending vote by the owner). */
export async function createVote(db: Db, org: AccessOrganization, owner: Role = "member", feedbackType: "positive" | "negative" = "positive") {
  const { conversation, messages } = await createTestConversation(db, org.organization.id, org[owner].id, 1);
  const answerId = messages[1]!.id;
  const { feedback } = await submitFeedback({ db, actor: actorOf(org, owner) }, { message_id: answerId, feedback_type: feedbackType, reason: "Fixture vote" });
  return { conversationId: conversation.id, answerId, feedbackId: feedback.id, updatedAt: feedback.updatedAt };
}

/** Someone added to the organization, for the members endpoints to change or remove. */
export async function createExtraMember(db: Db, org: AccessOrganization, role: Role = "member") {
  const now = isoNow();
  const user = await db
    .insertInto("User")
    .values({ id: newId(), email: `extra-${newId()}@example.test`, name: "Extra", createdAt: now, updatedAt: now })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return db.insertInto("Membership").values({ id: newId(), organizationId: org.organization.id, userId: user.id, role, createdAt: now }).returning(["id"]).executeTakeFirstOrThrow();
}

/** A golden example written by the organization's reviewer. */
export async function createGoldenExampleOf(db: Db, org: AccessOrganization) {
  return createGoldenExample({ db, actor: actorOf(org, "reviewer") }, { original_query: "How do I reset my password?", golden_response: "Use Forgot password." });
}
