import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { seedDemoData } from "./seed";

const db = getDb();
afterAll(() => db.$disconnect());

async function snapshot() {
  const [organizations, users, memberships, conversations, messages, feedback, goldenExamples, settings] = await Promise.all([
    db.organization.findMany({ orderBy: { slug: "asc" } }),
    db.user.findMany({ where: { email: { endsWith: ".test" } }, orderBy: { email: "asc" } }),
    db.membership.count(),
    db.conversation.findMany({ where: { externalId: { not: null } }, orderBy: { externalId: "asc" } }),
    db.message.count(),
    db.feedback.findMany({ orderBy: { createdAt: "asc" } }),
    db.goldenExample.findMany({ orderBy: { createdAt: "asc" } }),
    db.feedbackSettings.count(),
  ]);
  return { organizations, users, memberships, conversations, messages, feedback, goldenExamples, settings };
}

describe("demo seed", () => {
  it("creates both organizations, the demo users and feedback in every status", async () => {
    await seedDemoData(db);
    const demo = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const other = await db.organization.findUniqueOrThrow({ where: { slug: "other" } });

    const roles = await db.membership.findMany({
      where: { organizationId: { in: [demo.id, other.id] } },
      select: { role: true, user: { select: { email: true } } },
    });
    expect(roles.map((entry) => `${entry.user.email}:${entry.role}`).sort()).toEqual([
      "admin@demo.test:admin",
      "admin@other.test:admin",
      "member@demo.test:member",
      "member@other.test:member",
      "reviewer@demo.test:reviewer",
    ]);

    const statuses = await db.feedback.groupBy({ by: ["status"], where: { organizationId: demo.id }, _count: true });
    expect(statuses.map((entry) => entry.status).sort()).toEqual(["auto_approved", "dismissed", "pending", "reviewed"]);

    // Golden examples exist exactly where the rules say: approved positives and corrected negatives.
    const feedback = await db.feedback.findMany({ where: { organizationId: demo.id }, include: { goldenExample: true } });
    for (const entry of feedback) {
      const expected = entry.status === "auto_approved" || entry.status === "reviewed";
      expect(Boolean(entry.goldenExample), `${entry.feedbackType}/${entry.status}`).toBe(expected);
    }
    const corrected = feedback.find((entry) => entry.feedbackType === "negative" && entry.status === "reviewed");
    expect(corrected?.goldenExample?.goldenResponse).toContain("Okta");
    expect(corrected?.goldenExample?.context).toEqual([{ role: "user", content: "Can we use Okta for single sign-on?" }]);
  });

  it("changes nothing when run again", async () => {
    await seedDemoData(db);
    const before = await snapshot();
    await seedDemoData(db);
    expect(await snapshot()).toEqual(before);
  });
});
