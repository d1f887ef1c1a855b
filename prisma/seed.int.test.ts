import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/database";
import { LONG_THREAD_TURNS, seedDemoData } from "./seed";

const db = getDb();

async function snapshot() {
  return {
    organizations: await db.selectFrom("Organization").selectAll().orderBy("slug").execute(),
    users: await db.selectFrom("User").selectAll().where("email", "like", "%.test").orderBy("email").execute(),
    memberships: await db.selectFrom("Membership").selectAll().orderBy("id").execute(),
    conversations: await db.selectFrom("Conversation").selectAll().where("externalId", "is not", null).orderBy("externalId").execute(),
    messages: await db.selectFrom("Message").selectAll().orderBy("id").execute(),
    feedback: await db.selectFrom("Feedback").selectAll().orderBy("id").execute(),
    goldenExamples: await db.selectFrom("GoldenExample").selectAll().orderBy("id").execute(),
    settings: await db.selectFrom("FeedbackSettings").selectAll().orderBy("organizationId").execute(),
  };
}

describe("demo seed", () => {
  it("creates both organizations, the demo users and feedback in every status", async () => {
    await seedDemoData(db);
    const demo = await db.selectFrom("Organization").select("id").where("slug", "=", "demo").executeTakeFirstOrThrow();
    const other = await db.selectFrom("Organization").select("id").where("slug", "=", "other").executeTakeFirstOrThrow();

    const roles = await db
      .selectFrom("Membership as m")
      .innerJoin("User as u", "u.id", "m.userId")
      .select(["u.email", "m.role"])
      .where("m.organizationId", "in", [demo.id, other.id])
      .execute();
    expect(roles.map((entry) => `${entry.email}:${entry.role}`).sort()).toEqual([
      "admin@demo.test:admin",
      "admin@other.test:admin",
      "member@demo.test:member",
      "member@other.test:member",
      "reviewer@demo.test:reviewer",
    ]);

    const feedback = await db
      .selectFrom("Feedback as f")
      .leftJoin("GoldenExample as g", "g.feedbackId", "f.id")
      .select(["f.feedbackType", "f.status", "g.id as exampleId", "g.goldenResponse", "g.context"])
      .where("f.organizationId", "=", demo.id)
      .execute();
    expect([...new Set(feedback.map((entry) => entry.status))].sort()).toEqual(["auto_approved", "dismissed", "pending", "reviewed"]);
    // Golden examples exist exactly where the rules say: approved positives and corrected negatives.
    for (const entry of feedback) {
      const expected = entry.status === "auto_approved" || entry.status === "reviewed";
      expect(entry.exampleId !== null, `${entry.feedbackType}/${entry.status}`).toBe(expected);
    }
    const corrected = feedback.find((entry) => entry.feedbackType === "negative" && entry.status === "reviewed");
    expect(corrected?.goldenResponse).toContain("Okta");
    expect(corrected?.context).toEqual([{ role: "user", content: "Can we use Okta for single sign-on?" }]);
  });

  it("gives the demo member a conversation of 200 messages, the newest activity as its last answer", async () => {
    await seedDemoData(db);
    const long = await db.selectFrom("Conversation").select(["id", "updatedAt"]).where("externalId", "=", "demo-long").executeTakeFirstOrThrow();
    const messages = await db.selectFrom("Message").select(["role", "position", "createdAt"]).where("conversationId", "=", long.id).orderBy("position").execute();
    expect(messages).toHaveLength(2 * LONG_THREAD_TURNS);
    expect(messages.map((message) => message.position)).toEqual(messages.map((_, index) => index));
    expect(messages.filter((message) => message.role === "assistant")).toHaveLength(LONG_THREAD_TURNS);
    expect(long.updatedAt).toBe(messages.at(-1)?.createdAt);
  });

  it("changes nothing when run again", async () => {
    await seedDemoData(db);
    const before = await snapshot();
    await seedDemoData(db);
    expect(await snapshot()).toEqual(before);
  });
});
