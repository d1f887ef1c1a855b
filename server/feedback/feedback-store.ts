import "server-only";
import type { FeedbackListResponse, FeedbackStatus, FeedbackType } from "@/lib/api/schemas";
import type { SerializedJson } from "@/server/serialized-json";
import type { FeedbackSettingsRow } from "@/server/settings/feedback-rules-from-settings";

/** A feedback row as the service sees it. */
export interface StoredFeedback {
  id: string;
  organizationId: string;
  messageId: string;
  userId: string;
  feedbackType: FeedbackType;
  reason: string | null;
  reasonKeys: string[];
  status: FeedbackStatus;
  revision: number;
  reviewedById: string | null;
  /** Timestamps are ISO-8601 UTC strings, as the API sends them: no Date round trip on hot reads. */
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Everything a vote decision needs, read in one go. */
export interface SubmissionContext {
  messageRole: "system" | "user" | "assistant";
  conversationId: string;
  conversationOwnerId: string;
  /** The organization's settings row (null when it has none); only votes need the rules in it. */
  settings: FeedbackSettingsRow | null;
  existing: StoredFeedback | null;
}

/** The columns a new or changed vote sets (the conversation only on a new one; it never changes). */
export type VoteWrite = Pick<StoredFeedback, "organizationId" | "messageId" | "userId" | "feedbackType" | "reason" | "reasonKeys" | "status"> & {
  conversationId: string;
};

/** What one submission writes, atomically. */
export type VotePlan =
  | { kind: "create"; vote: VoteWrite; enqueueGoldenExample: boolean }
  | { kind: "update-reason"; existing: StoredFeedback; reason: string | null; reasonKeys: string[] }
  | { kind: "change-vote"; existing: StoredFeedback; vote: VoteWrite; enqueueGoldenExample: boolean };

/** Thrown when another request changed the same vote first; the service reloads and retries. */
export class ConcurrentVoteChange extends Error {
  constructor() {
    super("The vote was changed by a concurrent request");
  }
}

/**
 * A user's votes as the API's list response (`{"items": [...]}`, in no particular order). The list
 * reads hand the database's own JSON through (see SerializedJson), so the stores produce the
 * response shape themselves; the contract tests hold both stores to the same bodies.
 */
export type FeedbackListJson = SerializedJson<FeedbackListResponse>;

export interface ConversationFeedback {
  conversationOwnerId: string;
  list: FeedbackListJson;
}

/**
 * The feedback hot path's storage. One implementation per database (see docs/architecture.md):
 * each reads the context in one query call and writes a vote in one transaction.
 */
export interface FeedbackStore {
  /** null when the message does not exist in the organization. */
  loadSubmissionContext(organizationId: string, userId: string, messageId: string): Promise<SubmissionContext | null>;
  /** The user's votes in a conversation and who owns it; null when the conversation is not in the organization. */
  listFeedbackInConversation(organizationId: string, userId: string, conversationId: string): Promise<ConversationFeedback | null>;
  /** The user's votes on those messages (ids of other organizations simply match nothing). */
  listFeedbackOnMessages(organizationId: string, userId: string, messageIds: string[]): Promise<FeedbackListJson>;
  /** Applies the plan in one transaction; throws ConcurrentVoteChange when the vote moved meanwhile. */
  applyVote(plan: VotePlan, now: Date): Promise<StoredFeedback>;
  /** Deletes the vote (and deactivates its auto golden example); false when the vote moved meanwhile. */
  deleteVote(existing: StoredFeedback, now: Date): Promise<boolean>;
  /**
   * Creates (or reactivates) the auto golden example of an auto-approved positive vote, if the vote
   * is still at that revision and no reviewer's example or active one exists; audited.
   */
  syncAutoGoldenExample(feedbackId: string, revision: number): Promise<void>;
}

export const GOLDEN_EXAMPLE_JOB = "golden_example.sync";

export function goldenExampleJobKey(feedbackId: string, revision: number): string {
  return `${GOLDEN_EXAMPLE_JOB}:${feedbackId}:${revision}`;
}
