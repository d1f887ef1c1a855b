import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseProvider, getDb } from "@/server/db/client";
import { createTestConversation, createTestOrganization } from "@/test/fixtures";

const db = getDb();
afterAll(() => db.$disconnect());

describe(`domain schema (${getDatabaseProvider()})`, () => {
  it("allows one feedback per user and message", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation, messages } = await createTestConversation(db, organization.id, member.id);
    const data = { organizationId: organization.id, messageId: messages[1]!.id, conversationId: conversation.id, userId: member.id, feedbackType: "positive" as const };
    await db.feedback.create({ data });
    await expect(db.feedback.create({ data: { ...data, feedbackType: "negative" } })).rejects.toMatchObject({ code: "P2002" });
    expect(await db.feedback.count({ where: { messageId: data.messageId } })).toBe(1);
  });

  it("allows at most one golden example per feedback", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation, messages } = await createTestConversation(db, organization.id, member.id);
    const feedback = await db.feedback.create({
      data: { organizationId: organization.id, messageId: messages[1]!.id, conversationId: conversation.id, userId: member.id, feedbackType: "positive" },
    });
    const example = {
      organizationId: organization.id,
      feedbackId: feedback.id,
      approvalType: "auto" as const,
      originalQuery: "q",
      originalResponse: "a",
      goldenResponse: "a",
      context: [],
    };
    await db.goldenExample.create({ data: example });
    await expect(db.goldenExample.create({ data: example })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps message order unique inside a conversation", async () => {
    const { organization, member } = await createTestOrganization(db);
    const { conversation } = await createTestConversation(db, organization.id, member.id, 1);
    await expect(
      db.message.create({
        data: { organizationId: organization.id, conversationId: conversation.id, role: "user", position: 0, content: "dup" },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores JSON and enums identically on every provider", async () => {
    const { organization } = await createTestOrganization(db);
    const settings = await db.feedbackSettings.findUniqueOrThrow({ where: { organizationId: organization.id } });
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
    const membership = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, role: "reviewer" } });
    expect(membership.role).toBe("reviewer");
  });

  it("removes an organization's data with the organization and nothing else", async () => {
    const kept = await createTestOrganization(db);
    const removed = await createTestOrganization(db);
    for (const org of [kept, removed]) {
      const { conversation, messages } = await createTestConversation(db, org.organization.id, org.member.id);
      await db.feedback.create({
        data: { organizationId: org.organization.id, messageId: messages[1]!.id, conversationId: conversation.id, userId: org.member.id, feedbackType: "negative" },
      });
    }
    await db.organization.delete({ where: { id: removed.organization.id } });
    expect(await db.feedback.count({ where: { organizationId: removed.organization.id } })).toBe(0);
    expect(await db.message.count({ where: { organizationId: removed.organization.id } })).toBe(0);
    expect(await db.feedback.count({ where: { organizationId: kept.organization.id } })).toBe(1);
  });

  it("runs interactive transactions and rolls them back on error", async () => {
    const { organization, member } = await createTestOrganization(db);
    await expect(
      db.$transaction(async (tx) => {
        await tx.conversation.create({ data: { organizationId: organization.id, userId: member.id, externalId: "tx-test" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.conversation.count({ where: { organizationId: organization.id, externalId: "tx-test" } })).toBe(0);
  });
});
