// Demo data: two organizations, their users, a few conversations and feedback in every status, and
// for every demo user conversations with answers they have not rated yet.
// Idempotent: every row is upserted on a stable key and never updated, so re-running changes nothing.
import type { Db } from "@/server/db/database";
import { newId } from "@/server/db/ids";
import { linkReplies } from "@/server/conversations/reply-links";
import type { FeedbackStatus, FeedbackType, Role } from "@/server/db/generated/enums";
import { loadGoldenExampleSource } from "@/server/golden-examples/golden-example-source";
import { DEFAULT_MAX_REASON_LENGTH, DEFAULT_REASON_OPTIONS } from "@/lib/feedback/reason-options";

interface DemoUser {
  email: string;
  name: string;
  role: Role;
}

interface DemoFeedback {
  by: string;
  type: FeedbackType;
  status: FeedbackStatus;
  reason?: string;
  reviewer?: string;
  /** Reviewer's corrected answer, for reviewed feedback. */
  goldenResponse?: string;
  dismissalReason?: string;
}

interface DemoConversation {
  key: string;
  owner: string;
  title: string;
  daysAgo: number;
  /** [user question, assistant answer, feedback on that answer] */
  turns: Array<[string, string, DemoFeedback?]>;
}

interface DemoOrganization {
  slug: string;
  name: string;
  users: DemoUser[];
  conversations: DemoConversation[];
}

/** Turns of the demo's long conversation (LONG_THREAD_TURNS questions and answers), generated so the seed stays readable. */
export const LONG_THREAD_TURNS = 100;
function longThreadTurns(): Array<[string, string]> {
  const parts = ["projects", "members", "API tokens", "webhooks", "billing details", "saved views", "attachments", "integrations", "custom fields", "audit log"];
  const areas = ["Settings → Data", "Settings → Members", "Settings → Developers", "Settings → Developers", "Billing", "Settings → Views", "Settings → Data", "Settings → Integrations", "Settings → Fields", "Settings → Security"];
  return Array.from({ length: LONG_THREAD_TURNS }, (_, index) => {
    const part = parts[index % parts.length]!;
    const area = areas[index % areas.length]!;
    const step = index + 1;
    return [
      `Step ${step}: how do I move the ${part} to the new workspace?`,
      `For the ${part}, open ${area} in the old workspace, choose Export, then Import the file in the new workspace under the same menu. ` +
        `Step ${step} is done when the counts on both sides match; nothing is deleted from the old workspace.`,
    ];
  });
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: "demo",
    name: "Acme Support",
    users: [
      { email: "member@demo.test", name: "Mia Member", role: "member" },
      { email: "reviewer@demo.test", name: "Rey Reviewer", role: "reviewer" },
      { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
    ],
    conversations: [
      {
        key: "demo-refund",
        owner: "member@demo.test",
        title: "Refund for a duplicate charge",
        daysAgo: 9,
        turns: [
          [
            "I was charged twice for my March invoice. How do I get a refund?",
            "Sorry about that! Duplicate charges are refunded automatically within 5 business days. If you still see both charges after that, open Billing → Invoices, pick the duplicate and choose \"Request refund\".",
            { by: "member@demo.test", type: "positive", status: "auto_approved", reason: "Clear steps" },
          ],
          [
            "Will the refund go back to the same card?",
            "Yes. Refunds always go back to the original payment method. If that card has expired, your bank forwards the money to the replacement card.",
          ],
        ],
      },
      {
        key: "demo-pricing",
        owner: "member@demo.test",
        title: "Team plan pricing",
        daysAgo: 6,
        turns: [
          [
            "How much does the Team plan cost per seat?",
            "The Team plan is $8 per seat per month, billed annually.",
            { by: "member@demo.test", type: "negative", status: "pending", reason: "That price is from last year" },
          ],
        ],
      },
      {
        key: "demo-sso",
        owner: "member@demo.test",
        title: "Setting up single sign-on",
        daysAgo: 4,
        turns: [
          [
            "Can we use Okta for single sign-on?",
            "Single sign-on is not supported yet.",
            {
              by: "member@demo.test",
              type: "negative",
              status: "reviewed",
              reason: "We use Okta SSO already",
              reviewer: "reviewer@demo.test",
              goldenResponse:
                "Yes. Okta works through SAML 2.0 on the Business plan: in Settings → Security → Single sign-on, choose \"Add SAML provider\" and paste your Okta metadata URL.",
            },
          ],
        ],
      },
      {
        key: "demo-export",
        owner: "member@demo.test",
        title: "Exporting data",
        daysAgo: 2,
        turns: [
          [
            "How do I export all my projects?",
            "Go to Settings → Data → Export and choose CSV or JSON. You will get an email with a download link when the export is ready.",
            {
              by: "member@demo.test",
              type: "positive",
              status: "dismissed",
              reviewer: "reviewer@demo.test",
              dismissalReason: "Already covered by an existing golden example",
            },
          ],
          [
            "Does the export include attachments?",
            "Attachments are included in the JSON export as download links that stay valid for 7 days.",
            {
              by: "member@demo.test",
              type: "positive",
              status: "reviewed",
              reviewer: "reviewer@demo.test",
            },
          ],
        ],
      },
      {
        key: "demo-password",
        owner: "member@demo.test",
        title: "Resetting a password",
        daysAgo: 1,
        turns: [
          [
            "I forgot my password. How do I reset it?",
            "On the sign-in page choose \"Forgot password?\", enter your work email and follow the link we send you. The link is valid for one hour.",
          ],
          [
            "The email never arrived.",
            "Check your spam folder first. If it is not there, your administrator can send you a new link from Settings → Members.",
          ],
        ],
      },
      {
        key: "demo-currency",
        owner: "member@demo.test",
        title: "Invoices in another currency",
        daysAgo: 0,
        turns: [
          [
            "Can I get my invoices in euros?",
            "Yes. In Billing → Preferences, set the invoice currency to EUR; it applies from your next invoice.",
          ],
        ],
      },
      // A long thread for the chat demo and its performance measurement (docs/performance-kit.md).
      { key: "demo-long", owner: "member@demo.test", title: "Moving to the new workspace (long thread)", daysAgo: 12, turns: longThreadTurns() },
      {
        key: "demo-shortcuts",
        owner: "reviewer@demo.test",
        title: "Keyboard shortcuts",
        daysAgo: 0,
        turns: [["Is there a list of keyboard shortcuts?", "Press ? anywhere in the app to see every shortcut for the page you are on."]],
      },
      {
        key: "demo-teammate",
        owner: "admin@demo.test",
        title: "Adding a teammate",
        daysAgo: 0,
        turns: [["How do I add a teammate?", "Go to Settings → Members, choose \"Invite\", enter their email and pick a role."]],
      },
      {
        key: "demo-api-limits",
        owner: "reviewer@demo.test",
        title: "API rate limits",
        daysAgo: 1,
        turns: [
          [
            "What are the API rate limits?",
            "The API allows 100 requests per minute per token; responses include X-RateLimit-Remaining.",
            { by: "reviewer@demo.test", type: "positive", status: "auto_approved" },
          ],
        ],
      },
    ],
  },
  {
    slug: "other",
    name: "Other Corp",
    users: [
      { email: "admin@other.test", name: "Olga Other", role: "admin" },
      { email: "member@other.test", name: "Omar Other", role: "member" },
    ],
    conversations: [
      {
        key: "other-onboarding",
        owner: "member@other.test",
        title: "Onboarding checklist",
        daysAgo: 3,
        turns: [
          [
            "What should a new hire do on day one?",
            "Set up your laptop, enable two-factor authentication and read the security handbook.",
            { by: "member@other.test", type: "positive", status: "auto_approved" },
          ],
        ],
      },
      {
        key: "other-vpn",
        owner: "member@other.test",
        title: "VPN access",
        daysAgo: 0,
        turns: [["How do I connect to the VPN?", "Install the client from the IT portal and sign in with your work account."]],
      },
      {
        key: "other-expenses",
        owner: "admin@other.test",
        title: "Expense policy",
        daysAgo: 0,
        turns: [["What is the meal allowance on trips?", "Up to 40 EUR a day, with receipts."]],
      },
    ],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (date: Date) => date.toISOString();

export async function seedDemoData(db: Db, now: Date = new Date()): Promise<void> {
  const seededAt = iso(now);
  for (const org of DEMO_ORGANIZATIONS) {
    await db
      .insertInto("Organization")
      .values({ id: newId(), slug: org.slug, name: org.name, createdAt: seededAt, updatedAt: seededAt })
      .onConflict((conflict) => conflict.column("slug").doNothing())
      .execute();
    const organization = await db.selectFrom("Organization").select("id").where("slug", "=", org.slug).executeTakeFirstOrThrow();
    await db
      .insertInto("FeedbackSettings")
      .values({
        organizationId: organization.id,
        reasonOptions: JSON.stringify(DEFAULT_REASON_OPTIONS),
        maxReasonLength: DEFAULT_MAX_REASON_LENGTH,
        allowedOrigins: "[]",
        updatedAt: seededAt,
      })
      .onConflict((conflict) => conflict.column("organizationId").doNothing())
      .execute();

    const userIds = new Map<string, string>();
    for (const demoUser of org.users) {
      await db
        .insertInto("User")
        .values({ id: newId(), email: demoUser.email, name: demoUser.name, createdAt: seededAt, updatedAt: seededAt })
        .onConflict((conflict) => conflict.column("email").doNothing())
        .execute();
      const user = await db.selectFrom("User").select("id").where("email", "=", demoUser.email).executeTakeFirstOrThrow();
      userIds.set(demoUser.email, user.id);
      await db
        .insertInto("Membership")
        .values({ id: newId(), organizationId: organization.id, userId: user.id, role: demoUser.role, createdAt: seededAt })
        .onConflict((conflict) => conflict.columns(["organizationId", "userId"]).doNothing())
        .execute();
    }
    const idOf = (email: string) => {
      const id = userIds.get(email);
      if (!id) throw new Error(`demo data names unknown user ${email}`);
      return id;
    };

    for (const demoConversation of org.conversations) {
      const startedAt = new Date(now.getTime() - demoConversation.daysAgo * DAY_MS);
      const at = (turnIndex: number, offsetMinutes: number) => new Date(startedAt.getTime() + (turnIndex * 10 + offsetMinutes) * 60_000);
      await db
        .insertInto("Conversation")
        .values({
          id: newId(),
          organizationId: organization.id,
          userId: idOf(demoConversation.owner),
          externalId: demoConversation.key,
          title: demoConversation.title,
          createdAt: iso(startedAt),
          // Last activity: the last answer.
          updatedAt: iso(at(demoConversation.turns.length - 1, 1)),
        })
        .onConflict((conflict) => conflict.columns(["organizationId", "externalId"]).doNothing())
        .execute();
      const conversation = await db
        .selectFrom("Conversation")
        .select("id")
        .where("organizationId", "=", organization.id)
        .where("externalId", "=", demoConversation.key)
        .executeTakeFirstOrThrow();

      // Every message of the conversation in one statement, so a long one seeds as fast as a short one.
      await db
        .insertInto("Message")
        .values(
          linkReplies(
            demoConversation.turns.flatMap(([question, answer], turnIndex) => [
              { id: newId(), organizationId: organization.id, conversationId: conversation.id, role: "user" as const, content: question, position: turnIndex * 2, createdAt: iso(at(turnIndex, 0)) },
              { id: newId(), organizationId: organization.id, conversationId: conversation.id, role: "assistant" as const, content: answer, position: turnIndex * 2 + 1, createdAt: iso(at(turnIndex, 1)) },
            ]),
          ),
        )
        .onConflict((conflict) => conflict.columns(["conversationId", "position"]).doNothing())
        .execute();
      for (const [turnIndex, [, , feedback]] of demoConversation.turns.entries()) {
        if (!feedback) continue;
        const assistantMessage = await db
          .selectFrom("Message")
          .select(["id", "organizationId", "conversationId"])
          .where("conversationId", "=", conversation.id)
          .where("position", "=", turnIndex * 2 + 1)
          .executeTakeFirstOrThrow();
        await seedFeedback(db, assistantMessage, feedback, idOf, at(turnIndex, 5));
      }
    }
  }
}

async function seedFeedback(
  db: Db,
  { id: messageId, organizationId, conversationId }: { id: string; organizationId: string; conversationId: string },
  demo: DemoFeedback,
  idOf: (email: string) => string,
  createdAt: Date,
): Promise<void> {
  const reviewedById = demo.reviewer ? idOf(demo.reviewer) : null;
  const reviewedAt = reviewedById ? iso(new Date(createdAt.getTime() + 60 * 60_000)) : null;
  const userId = idOf(demo.by);
  await db
    .insertInto("Feedback")
    .values({
      id: newId(),
      organizationId,
      messageId,
      conversationId,
      userId,
      feedbackType: demo.type,
      reason: demo.reason ?? null,
      reasonKeys: "[]",
      status: demo.status,
      revision: 1,
      reviewedById,
      reviewedAt,
      dismissalReason: demo.dismissalReason ?? null,
      createdAt: iso(createdAt),
      updatedAt: reviewedAt ?? iso(createdAt),
    })
    .onConflict((conflict) => conflict.columns(["userId", "messageId"]).doNothing())
    .execute();
  const feedback = await db.selectFrom("Feedback").select(["id", "reviewedAt"]).where("userId", "=", userId).where("messageId", "=", messageId).executeTakeFirstOrThrow();

  const approvedPositive = demo.type === "positive" && (demo.status === "auto_approved" || demo.status === "reviewed");
  const correctedNegative = demo.type === "negative" && demo.status === "reviewed" && demo.goldenResponse;
  if (!approvedPositive && !correctedNegative) return;

  const source = await loadGoldenExampleSource(db, messageId);
  if (!source) return;
  const exampleAt = feedback.reviewedAt ?? iso(createdAt);
  await db
    .insertInto("GoldenExample")
    .values({
      id: newId(),
      organizationId,
      feedbackId: feedback.id,
      sourceType: "feedback",
      approvalType: demo.status === "auto_approved" ? "auto" : "manual",
      originalQuery: source.originalQuery,
      originalResponse: source.originalResponse,
      goldenResponse: demo.goldenResponse ?? source.originalResponse,
      context: JSON.stringify(source.context),
      createdById: reviewedById,
      isActive: true,
      createdAt: exampleAt,
      updatedAt: exampleAt,
    })
    .onConflict((conflict) => conflict.column("feedbackId").doNothing())
    .execute();
}
