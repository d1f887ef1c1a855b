import "server-only";
import type { Actor, ApiKeyActor } from "@/server/auth/actor";
import { consumePoint } from "./limiter";
import { getRateLimiters } from "./rate-limiters";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Counts an authenticated write against its user's or API key's limit (a 429 once it is used up).
 * Personal access tokens and feedback tokens act as their user, so they share the user's count.
 */
export async function limitWrites(request: Request, actor: Actor | null): Promise<void> {
  if (!actor || READS.has(request.method)) return;
  const limiters = getRateLimiters();
  if (actor.kind === "api_key") await consumePoint(limiters.apiKeyWrites, actor.apiKeyId);
  else await consumePoint(limiters.userWrites, actor.userId);
}

/** Minting feedback tokens has a bucket of its own per API key, besides counting as a write. */
export async function limitFeedbackTokenMints(actor: ApiKeyActor): Promise<void> {
  await consumePoint(getRateLimiters().feedbackTokenMints, actor.apiKeyId);
}
