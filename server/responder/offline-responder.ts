import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { readCorrectionRequest } from "./corrected-answer";
import type { Responder, ResponderMessage, StreamAnswerOptions } from "./responder";

export interface OfflineResponderOptions {
  /** Pause before each chunk, so a UI visibly streams; 0 in tests. */
  chunkDelayMs?: number;
}

/** Long enough that the answer visibly streams, short enough that a demo answer takes a second or two. */
export const OFFLINE_CHUNK_DELAY_MS = 25;

interface Topic {
  keywords: readonly string[];
  steps: readonly string[];
}

// A support assistant's vocabulary: enough variety that a demo chat reads like one, and fixed, so
// the same conversation always gets the same answer.
const TOPICS: readonly Topic[] = [
  {
    keywords: ["refund", "charge", "invoice", "billing", "payment", "card", "price", "pricing", "plan", "seat", "currency", "subscription"],
    steps: [
      "Open Billing → Invoices to see every charge with its status.",
      "Choose the invoice and select \"Request refund\" if it was charged by mistake; refunds go back to the original payment method.",
      "Under Billing → Plan you can compare plans and change the number of seats; the change is prorated on your next invoice.",
      "Billing → Preferences sets the invoice currency, the billing email and your tax id.",
      "Refunds usually reach your account within 5 business days, depending on your bank.",
    ],
  },
  {
    keywords: ["password", "sign in", "sign-in", "login", "log in", "2fa", "two-factor", "sso", "okta", "saml", "locked"],
    steps: [
      "On the sign-in page choose \"Forgot password?\" and follow the link we email you; it is valid for one hour.",
      "Turn on two-factor authentication in Settings → Security to protect your account.",
      "Single sign-on is configured by an admin in Settings → Security → Single sign-on (SAML 2.0 or OpenID Connect).",
      "If an email does not arrive, check your spam folder, then ask an admin to resend it from Settings → Members.",
      "After five failed attempts the account is locked for 15 minutes; an admin can unlock it sooner.",
    ],
  },
  {
    keywords: ["export", "import", "backup", "csv", "json", "data", "attachment", "download", "delete"],
    steps: [
      "Go to Settings → Data → Export and choose CSV or JSON.",
      "Large exports run in the background; you get an email with a download link when the file is ready.",
      "Attachments are included as links that stay valid for 7 days.",
      "To import, use Settings → Data → Import and upload a file in the same format the export produces.",
      "Deleted items stay in the trash for 30 days before they are removed for good.",
    ],
  },
  {
    keywords: ["invite", "teammate", "member", "role", "permission", "team", "admin", "user"],
    steps: [
      "Open Settings → Members and choose \"Invite\".",
      "Enter their work email and pick a role: members use the workspace, admins also manage billing and settings.",
      "Invitations expire after 7 days; you can resend one from the same page.",
      "To change someone's role, open the menu next to their name in Settings → Members.",
      "Removing a member keeps the work they created; it is reassigned to you.",
    ],
  },
  {
    keywords: ["api", "token", "rate limit", "webhook", "integration", "sdk", "key"],
    steps: [
      "Create a token in Settings → Developers → Tokens; it is shown once, so store it safely.",
      "Send it as \"Authorization: Bearer <token>\" with every request.",
      "The API allows 100 requests per minute per token; every response carries X-RateLimit-Remaining.",
      "Webhooks are set up in Settings → Developers → Webhooks and are retried for 24 hours when your endpoint fails.",
      "The API reference lists every endpoint with request and response examples.",
    ],
  },
];

const GENERAL_STEPS = [
  "Open Settings and look for the section named after what you want to change.",
  "Most changes take effect at once; some apply from your next billing period.",
  "The help center's search finds the matching guide if you describe the goal in a few words.",
  "If something looks wrong, a screenshot and the time it happened help support find it quickly.",
  "Admins can see every change in Settings → Audit log.",
];

const OPENINGS = ["Here is how to do that:", "Sure, this takes a minute:", "Happy to help. In short:", "Good question. This is how it works:"];
const CLOSINGS = [
  "Does that answer your question?",
  "Let me know if any step looks different for you.",
  "If that does not solve it, tell me what you see and I will dig further.",
  "Anything else I can help with?",
];

/** A stable number for the conversation, so its answer never changes. */
function seedOf(messages: readonly ResponderMessage[]): number {
  const digest = createHash("sha256").update(JSON.stringify(messages.map((message) => [message.role, message.content]))).digest();
  return digest.readUInt32BE(0);
}

function topicOf(question: string): Topic | null {
  const text = question.toLowerCase();
  return TOPICS.find((topic) => topic.keywords.some((keyword) => text.includes(keyword))) ?? null;
}

function pick<T>(items: readonly T[], seed: number): T {
  return items[seed % items.length]!;
}

function supportAnswer(messages: readonly ResponderMessage[]): string {
  const question = messages.findLast((message) => message.role === "user")?.content.trim() ?? "";
  const seed = seedOf(messages);
  if (/^(hi|hello|hey|good (morning|afternoon|evening))\b/i.test(question) && question.length < 40) {
    return "Hello! I am the demo support assistant. Ask me about billing, sign-in, exporting data, your team or the API, and rate my answers with the thumbs below them.";
  }
  const steps = topicOf(question)?.steps ?? GENERAL_STEPS;
  // The topic's first step, then two more of the rest (in their order) as the seed says.
  const rest = steps.slice(1);
  const first = seed % rest.length;
  const second = (first + 1) % rest.length;
  const chosen = [steps[0]!, rest[Math.min(first, second)]!, rest[Math.max(first, second)]!];
  return [pick(OPENINGS, seed), "", ...chosen.map((step, index) => `${index + 1}. ${step}`), "", pick(CLOSINGS, seed >>> 8)].join("\n");
}

function correctionDraft(ratedAnswer: string, feedback: string): string {
  return `${ratedAnswer.trim()}\n\n[Draft: revise the answer above for this feedback — ${feedback}. The offline responder does not rewrite answers; set OPENAI_BASE_URL for a model-written draft.]`;
}

/** The answer the offline responder writes for this conversation (the stream's chunks, joined). */
export function offlineAnswer(messages: readonly ResponderMessage[]): string {
  const correction = readCorrectionRequest(messages);
  return correction ? correctionDraft(correction.ratedAnswer, correction.feedback) : supportAnswer(messages);
}

/** Words with the spaces or line breaks that follow them: what the stream sends, one at a time. */
function chunksOf(answer: string): string[] {
  return answer.match(/\s*\S+\s*/g) ?? [];
}

/**
 * Works without any network: a deterministic answer (same conversation, same answer) from a fixed
 * support vocabulary, streamed word by word with a short pause so a UI visibly streams.
 */
export function createOfflineResponder(options: OfflineResponderOptions = {}): Responder {
  const delay = options.chunkDelayMs ?? OFFLINE_CHUNK_DELAY_MS;
  return {
    name: "offline",
    async *streamAnswer(messages: readonly ResponderMessage[], { signal }: StreamAnswerOptions = {}) {
      for (const chunk of chunksOf(offlineAnswer(messages))) {
        if (delay > 0) await sleep(delay);
        signal?.throwIfAborted();
        yield chunk;
      }
    },
  };
}
