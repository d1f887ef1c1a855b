import "server-only";
import type { Selectable } from "kysely";
import type { FeedbackType } from "@/lib/api/schemas";
import type { Queryable, Tx } from "@/server/db/database";
import type { Feedback, FeedbackSettings } from "@/server/db/generated/database";
import { compiledOnce } from "@/server/db/compiled-once";
import { newId } from "@/server/db/ids";
import { enqueueJob } from "@/server/jobs/job-queue";
import { deactivateGoldenExampleOf } from "@/server/golden-examples/golden-example-store";

/*
 * The feedback hot path's statements, written once for SQLite and PostgreSQL: the services decide,
 * these read and write. Writes take a Tx: the caller holds the vote's lock (server/db/vote-lock.ts).
 */

const FEEDBACK_COLUMNS = [
  "id",
  "organizationId",
  "messageId",
  "userId",
  "feedbackType",
  "reason",
  "reasonKeys",
  "status",
  "revision",
  "reviewedById",
  "reviewedAt",
  "createdAt",
  "updatedAt",
] as const satisfies ReadonlyArray<keyof Feedback>;

type FeedbackRow = Pick<Selectable<Feedback>, (typeof FEEDBACK_COLUMNS)[number]>;

/** A feedback row as the services see it: the stored columns, reason keys as the list they hold. */
export type StoredFeedback = Omit<FeedbackRow, "reasonKeys"> & { reasonKeys: string[] };

function toStored(row: FeedbackRow): StoredFeedback {
  const keys = row.reasonKeys;
  return { ...row, reasonKeys: Array.isArray(keys) ? keys.filter((key): key is string => typeof key === "string") : [] };
}

/** The organization's settings row as it is stored (null columns: the organization has none). */
export type SettingsColumns = Pick<
  Selectable<FeedbackSettings>,
  "feedbackEnabled" | "autoApprovePositive" | "autoApproveNegative" | "requireReasonPositive" | "requireReasonNegative" | "maxReasonLength" | "reasonOptions"
>;

/** Everything a vote decision needs, read in one statement. */
export interface SubmissionContext {
  messageRole: "system" | "user" | "assistant";
  conversationId: string;
  conversationOwnerId: string;
  settings: SettingsColumns | null;
  existing: StoredFeedback | null;
}

/**
 * The message, its conversation's owner, the organization's settings and the caller's vote on it
 * (or nulls), in one statement; null when the organization has no such message.
 */
const submissionContext = compiledOnce((db, { organizationId, userId, messageId }: { organizationId: string; userId: string; messageId: string }) =>
  db
    .selectFrom("Message as m")
    .innerJoin("Conversation as c", "c.id", "m.conversationId")
    .leftJoin("FeedbackSettings as s", "s.organizationId", "m.organizationId")
    .leftJoin("Feedback as f", (join) => join.onRef("f.messageId", "=", "m.id").on("f.userId", "=", userId))
    .select([
      "m.role",
      "m.conversationId",
      "c.userId as conversationOwnerId",
      "s.organizationId as settingsOrganizationId",
      "s.feedbackEnabled",
      "s.autoApprovePositive",
      "s.autoApproveNegative",
      "s.requireReasonPositive",
      "s.requireReasonNegative",
      "s.maxReasonLength",
      "s.reasonOptions",
    ])
    .select(FEEDBACK_COLUMNS.map((column) => `f.${column}` as const))
    .where("m.id", "=", messageId)
    .where("m.organizationId", "=", organizationId),
);

export async function loadSubmissionContext(db: Queryable, organizationId: string, userId: string, messageId: string): Promise<SubmissionContext | null> {
  const [row] = (await submissionContext(db, { organizationId, userId, messageId })).rows;
  if (!row) return null;
  return {
    messageRole: row.role,
    conversationId: row.conversationId,
    conversationOwnerId: row.conversationOwnerId,
    settings: row.settingsOrganizationId === null ? null : (row as SettingsColumns),
    existing: row.id === null ? null : toStored(row as FeedbackRow),
  };
}

/**
 * The caller's votes in a conversation: one range of the (userId, conversationId) index. No
 * organization condition: a conversation belongs to one organization, which the caller checks
 * first (and SQLite, without statistics, would read the organization's every vote for it).
 */
export function conversationFeedbackQuery(db: Queryable, userId: string, conversationId: string) {
  return db.selectFrom("Feedback").select(FEEDBACK_COLUMNS).where("userId", "=", userId).where("conversationId", "=", conversationId);
}

const conversationFeedback = compiledOnce((db, args: { userId: string; conversationId: string }) => conversationFeedbackQuery(db, args.userId, args.conversationId));

const conversationOwner = compiledOnce((db, args: { organizationId: string; conversationId: string }) =>
  db.selectFrom("Conversation").select("userId").where("id", "=", args.conversationId).where("organizationId", "=", args.organizationId),
);

/**
 * The caller's votes on the listed messages: one (userId, messageId) probe per id. The caller keeps
 * those of its organization; a condition on it here would lead SQLite, which plans without
 * statistics on a new database, to read the organization's every vote instead.
 */
export function messagesFeedbackQuery(db: Queryable, userId: string, messageIds: string[]) {
  return db.selectFrom("Feedback").select(FEEDBACK_COLUMNS).where("userId", "=", userId).where("messageId", "in", messageIds);
}

/** The caller's votes in a conversation, and who owns it; null when the organization has no such conversation. */
export async function listFeedbackInConversation(
  db: Queryable,
  organizationId: string,
  userId: string,
  conversationId: string,
): Promise<{ conversationOwnerId: string; feedback: StoredFeedback[] } | null> {
  const [conversation] = (await conversationOwner(db, { organizationId, conversationId })).rows;
  if (!conversation) return null;
  const { rows } = await conversationFeedback(db, { userId, conversationId });
  return { conversationOwnerId: conversation.userId, feedback: rows.map(toStored) };
}

/** The caller's votes on those messages (ids of other organizations simply match nothing). */
export async function listFeedbackOnMessages(db: Queryable, organizationId: string, userId: string, messageIds: string[]): Promise<StoredFeedback[]> {
  const rows = await messagesFeedbackQuery(db, userId, messageIds).execute();
  return rows.filter((row) => row.organizationId === organizationId).map(toStored);
}

/** The columns a new or changed vote sets. */
export interface VoteWrite {
  organizationId: string;
  messageId: string;
  conversationId: string;
  userId: string;
  feedbackType: FeedbackType;
  reason: string | null;
  reasonKeys: string[];
  status: StoredFeedback["status"];
}

/** What one submission writes. */
export type VotePlan =
  | { kind: "create"; vote: VoteWrite; enqueueGoldenExample: boolean }
  | { kind: "update-reason"; existing: StoredFeedback; reason: string | null; reasonKeys: string[] }
  | { kind: "change-vote"; existing: StoredFeedback; vote: VoteWrite; enqueueGoldenExample: boolean };

export const GOLDEN_EXAMPLE_JOB = "golden_example.sync";

export function goldenExampleJobKey(feedbackId: string, revision: number): string {
  return `${GOLDEN_EXAMPLE_JOB}:${feedbackId}:${revision}`;
}

function enqueueGoldenExample(tx: Tx, feedback: StoredFeedback, now: string) {
  return enqueueJob(tx, {
    type: GOLDEN_EXAMPLE_JOB,
    payload: { feedback_id: feedback.id, revision: feedback.revision },
    organizationId: feedback.organizationId,
    dedupeKey: goldenExampleJobKey(feedback.id, feedback.revision),
    runAt: now,
  });
}

type VoteValues = Omit<VoteWrite, "reasonKeys"> & { id: string; reasonKeys: string; now: string };

const insertVote = compiledOnce((db, vote: VoteValues) =>
  db
    .insertInto("Feedback")
    .values({
      id: vote.id,
      organizationId: vote.organizationId,
      messageId: vote.messageId,
      conversationId: vote.conversationId,
      userId: vote.userId,
      feedbackType: vote.feedbackType,
      reason: vote.reason,
      reasonKeys: vote.reasonKeys,
      status: vote.status,
      revision: 1,
      createdAt: vote.now,
      updatedAt: vote.now,
    })
    .returning(FEEDBACK_COLUMNS),
);

const updateReason = compiledOnce((db, args: { id: string; reason: string | null; reasonKeys: string; now: string }) =>
  db.updateTable("Feedback").set({ reason: args.reason, reasonKeys: args.reasonKeys, updatedAt: args.now }).where("id", "=", args.id).returning(FEEDBACK_COLUMNS),
);

// A changed vote restarts the lifecycle: the review of the old vote no longer applies.
const changeVote = compiledOnce((db, args: Pick<VoteValues, "id" | "feedbackType" | "reason" | "reasonKeys" | "status" | "now">) =>
  db
    .updateTable("Feedback")
    .set((eb) => ({
      feedbackType: args.feedbackType,
      reason: args.reason,
      reasonKeys: args.reasonKeys,
      status: args.status,
      revision: eb("revision", "+", 1),
      reviewedById: null,
      reviewedAt: null,
      dismissalReason: null,
      updatedAt: args.now,
    }))
    .where("id", "=", args.id)
    .returning(FEEDBACK_COLUMNS),
);

/** The one row a write statement returned. */
function written(result: { rows: FeedbackRow[] }): StoredFeedback {
  const [row] = result.rows;
  if (!row) throw new Error("The vote to write was not found");
  return toStored(row);
}

/** Writes the plan; a new or changed vote that auto-creates a golden example also queues its job. */
export async function applyVote(tx: Tx, plan: VotePlan, now: string): Promise<StoredFeedback> {
  if (plan.kind === "create") {
    const created = written(await insertVote(tx, { ...plan.vote, id: newId(), reasonKeys: JSON.stringify(plan.vote.reasonKeys), now }));
    if (plan.enqueueGoldenExample) await enqueueGoldenExample(tx, created, now);
    return created;
  }
  const { existing } = plan;
  if (plan.kind === "update-reason") {
    return written(await updateReason(tx, { id: existing.id, reason: plan.reason, reasonKeys: JSON.stringify(plan.reasonKeys), now }));
  }
  const { feedbackType, reason, reasonKeys, status } = plan.vote;
  const changed = written(await changeVote(tx, { id: existing.id, feedbackType, reason, reasonKeys: JSON.stringify(reasonKeys), status, now }));
  await deactivateAutoGoldenExample(tx, existing, "vote_changed", now);
  if (plan.enqueueGoldenExample) await enqueueGoldenExample(tx, changed, now);
  return changed;
}

/** Deletes the vote; its auto-created golden example is deactivated first (deleting detaches it). */
export async function deleteVote(tx: Tx, existing: StoredFeedback, now: string): Promise<void> {
  await deactivateAutoGoldenExample(tx, existing, "vote_withdrawn", now);
  await tx.deleteFrom("Feedback").where("id", "=", existing.id).execute();
}

/**
 * The vote the golden example was auto-created from is changing or going away: the example stops
 * being used (a reviewer's example stays: their judgment stands), and the audit log says why.
 */
function deactivateAutoGoldenExample(tx: Tx, existing: StoredFeedback, cause: "vote_changed" | "vote_withdrawn", now: string) {
  return deactivateGoldenExampleOf(tx, {
    feedbackId: existing.id,
    organizationId: existing.organizationId,
    actor: { type: "user", userId: existing.userId },
    cause,
    now,
    onlyAuto: true,
  });
}
