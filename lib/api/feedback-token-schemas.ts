// Feedback tokens: what a host backend sends to mint one and what it gets back. Safe in the browser.
import { z } from "zod";
import { userEmailSchema } from "./conversation-schemas";
import { idSchema } from "./schemas";

export const FEEDBACK_TOKEN_DEFAULT_TTL_SECONDS = 900;
export const FEEDBACK_TOKEN_MAX_TTL_SECONDS = 3600;
const FEEDBACK_TOKEN_MIN_TTL_SECONDS = 60;

export const MintFeedbackTokenBodySchema = z
  .object({
    user_email: userEmailSchema().optional().describe("The member the token acts for, by email (or give user_id)"),
    user_id: idSchema.optional().describe("The member the token acts for, by id (or give user_email)"),
    conversation_id: idSchema.optional().describe("Limit the token to this conversation of the user (its id as the ingestion API returned it)"),
    ttl_seconds: z
      .number()
      .int("must be a whole number of seconds")
      .min(FEEDBACK_TOKEN_MIN_TTL_SECONDS, `must be at least ${FEEDBACK_TOKEN_MIN_TTL_SECONDS}`)
      .max(FEEDBACK_TOKEN_MAX_TTL_SECONDS, `must be at most ${FEEDBACK_TOKEN_MAX_TTL_SECONDS} (one hour)`)
      .default(FEEDBACK_TOKEN_DEFAULT_TTL_SECONDS)
      .describe("Lifetime in seconds (default 900, at most 3600)"),
  })
  .refine((body) => (body.user_email === undefined) !== (body.user_id === undefined), {
    message: "give exactly one of user_email and user_id",
    path: ["user_email"],
  })
  .meta({ id: "MintFeedbackTokenRequest" });

export type MintFeedbackTokenBody = z.output<typeof MintFeedbackTokenBodySchema>;

export const FeedbackTokenResponseSchema = z
  .object({
    token: z.string().describe("Send as `Authorization: Bearer <token>` to the user feedback endpoints"),
    token_type: z.literal("Bearer"),
    expires_at: z.iso.datetime({ offset: true }),
    expires_in: z.number().int().describe("Seconds until expires_at"),
  })
  .meta({ id: "FeedbackTokenResponse" });
