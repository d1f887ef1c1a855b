// What the migrations promise, through the one data layer, on each database.
import { describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/database";
import { isoNow, newId } from "@/server/db/ids";
import { countOf } from "@/test/db";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";

const db = getDb();

function feedbackRow(organizationId: string, messageId: string, conversationId: string, userId: string, feedbackType: "positive" | "negative") {
  const now = isoNow();
  return { id: newId(), organizationId, messageId, conversationId, userId, feedbackType, reasonKeys: "[]", status: "pending" as const, revision: 1, createdAt: now, updatedAt: now };
}

describe(`domain schema (${getDatabaseProvider()})`, () => {
  it("allows one feedback per user and message", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation, messages } = await createTestConversation(db, organization.id, member.id);
    const row = (type: "positive" | "negative") => feedbackRow(organization.id, messages[1]!.id, conversation.id, member.id, type);
    await db.insertInto("Feedback").values(row("positive")).execute();
    await expect(db.insertInto("Feedback").values(row("negative")).execute()).rejects.toThrow(/unique/i);
    expect(await countOf(db.selectFrom("Feedback").where("messageId", "=", messages[1]!.id))).toBe(1);
  });

  it("allows at most one golden example per feedback", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation, messages } = await createTestConversation(db, organization.id, member.id);
    const feedback = feedbackRow(organization.id, messages[1]!.id, conversation.id, member.id, "positive");
    await db.insertInto("Feedback").values(feedback).execute();
    const example = () => ({
      id: newId(),
      organizationId: organization.id,
      feedbackId: feedback.id,
      sourceType: "feedback",
      approvalType: "auto" as const,
      originalQuery: "q",
      originalResponse: "a",
      goldenResponse: "a",
      context: "[]",
      isActive: true,
      createdAt: isoNow(),
      updatedAt: isoNow(),
    });
    await db.insertInto("GoldenExample").values(example()).execute();
    await expect(db.insertInto("GoldenExample").values(example()).execute()).rejects.toThrow(/unique/i);
  });

  it("keeps message order unique inside a conversation", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation } = await createTestConversation(db, organization.id, member.id, 1);
    await expect(
      db
        .insertInto("Message")
        .values({ id: newId(), organizationId: organization.id, conversationId: conversation.id, role: "user", position: 0, content: "dup", createdAt: isoNow() })
        .execute(),
    ).rejects.toThrow(/unique/i);
  });

  it("reads booleans, JSON, enums and timestamps back as the app wrote them, on every provider", async () => {
    const { organization } = await createTestOrganization(db);
    const settings = await db.selectFrom("FeedbackSettings").selectAll().where("organizationId", "=", organization.id).executeTakeFirstOrThrow();
    expect(settings).toMatchObject({
      feedbackEnabled: true,
      autoApprovePositive: true,
      autoApproveNegative: false,
      requireReasonPositive: false,
      requireReasonNegative: false,
      maxReasonLength: 1000,
      allowedOrigins: [],
    });
    expect((settings.reasonOptions as { negative: unknown[] }).negative).toContainEqual({ key: "incorrect", label: "Incorrect" });
    const at = "2026-01-02T03:04:05.600Z";
    await db.updateTable("FeedbackSettings").set({ updatedAt: at }).where("organizationId", "=", organization.id).execute();
    const { updatedAt } = await db.selectFrom("FeedbackSettings").select("updatedAt").where("organizationId", "=", organization.id).executeTakeFirstOrThrow();
    expect(updatedAt).toBe(at);
    const membership = await db.selectFrom("Membership").select("role").where("organizationId", "=", organization.id).where("role", "=", "reviewer").executeTakeFirstOrThrow();
    expect(membership.role).toBe("reviewer");
  });

  it("has no column defaults for timestamps: a row without them is refused", async () => {
    const { organization } = await createTestOrganization(db);
    await expect(
      db
        .insertInto("AuditLog")
        // @ts-expect-error createdAt is required by the schema, which is the point of the test.
        .values({ id: newId(), organizationId: organization.id, actorType: "system", action: "x", targetType: "y", targetId: "z" })
        .execute(),
    ).rejects.toThrow(/null/i);
  });

  it("removes an organization's data with the organization and nothing else", async () => {
    const kept = await createTestOrganization(db);
    const removed = await createTestOrganization(db);
    for (const org of [kept, removed]) {
      const { conversation, messages } = await createTestConversation(db, org.organization.id, org.member.id);
      await db.insertInto("Feedback").values(feedbackRow(org.organization.id, messages[1]!.id, conversation.id, org.member.id, "negative")).execute();
    }
    await db.deleteFrom("Organization").where("id", "=", removed.organization.id).execute();
    expect(await countOf(db.selectFrom("Feedback").where("organizationId", "=", removed.organization.id))).toBe(0);
    expect(await countOf(db.selectFrom("Message").where("organizationId", "=", removed.organization.id))).toBe(0);
    expect(await countOf(db.selectFrom("Feedback").where("organizationId", "=", kept.organization.id))).toBe(1);
  });

  it("rolls a transaction back on error", async () => {
    const { organization, member } = await createTestOrganization(db);
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto("Conversation")
          .values({ id: newId(), organizationId: organization.id, userId: member.id, externalId: "tx-test", createdAt: isoNow(), updatedAt: isoNow() })
          .execute();
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await countOf(db.selectFrom("Conversation").where("organizationId", "=", organization.id).where("externalId", "=", "tx-test"))).toBe(0);
  });
});
