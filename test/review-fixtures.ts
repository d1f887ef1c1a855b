// An organization with votes to review, made through the real vote service, for the review API's tests.
import type { Db } from "@/server/db/database";
import { submitFeedback } from "@/server/feedback/feedback-service";
import { createTestConversation, createTestOrganization } from "./fixtures";
import { sessionCookie } from "./http";
import { drainJobs } from "./jobs";

export type ReviewOrg = Awaited<ReturnType<typeof createReviewOrg>>;

/**
 * A conversation of `turns` questions and answers by the member; `votes[i]` is the member's vote on
 * answer i (undefined: unrated). Golden-example jobs have run.
 */
export async function createReviewOrg(db: Db, votes: Array<{ type: "positive" | "negative"; reason?: string; reasonKeys?: string[] } | undefined>) {
  const org = await createTestOrganization(db);
  const { conversation, messages } = await createTestConversation(db, org.organization.id, org.member.id, votes.length);
  const actor = { kind: "user" as const, userId: org.member.id, organizationId: org.organization.id, role: "member" as const, email: org.member.email, name: org.member.name, credential: { kind: "session" as const } };
  const feedback = [];
  for (const [index, vote] of votes.entries()) {
    if (!vote) continue;
    const { feedback: stored } = await submitFeedback({ db, actor }, { message_id: messages[index * 2 + 1]!.id, feedback_type: vote.type, reason: vote.reason, reason_keys: vote.reasonKeys });
    feedback.push(stored);
  }
  await drainJobs(db, org.organization.id);
  return {
    ...org,
    conversation,
    messages,
    feedback,
    memberCookie: await sessionCookie(org.member, org.organization.id, "member"),
    reviewerCookie: await sessionCookie(org.reviewer, org.organization.id, "reviewer"),
    adminCookie: await sessionCookie(org.admin, org.organization.id, "admin"),
  };
}
