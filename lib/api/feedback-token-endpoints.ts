import { defineEndpoint } from "./endpoint";
import { FeedbackTokenResponseSchema, MintFeedbackTokenBodySchema } from "./feedback-token-schemas";

export const mintFeedbackToken = defineEndpoint({
  id: "mintFeedbackToken",
  method: "POST",
  path: "/api/feedback-tokens",
  tag: "Feedback tokens",
  summary: "Mint a short-lived feedback token for one of the organization's users",
  description:
    "For host backends, with an organization API key that has the `feedback_tokens:mint` scope. The token (a signed " +
    "JWT, 15 minutes by default, at most an hour) lets that user's browser call the user feedback endpoints " +
    "(`POST /api/feedback`, `GET /api/feedback`, `GET|DELETE /api/feedback/message/{message_id}`, " +
    "`GET /api/feedback/config`) as that user, at member level, with `Authorization: Bearer <token>`. With " +
    "`conversation_id` it sees only that conversation: other conversations and their messages answer 404, as " +
    "anything invisible does. Every other endpoint answers 403 `feedback_token_not_allowed`. 404 `unknown_user` " +
    "when no member has that email or id; 404 `not_found` when the conversation is not one of that user's.",
  auth: "api_key",
  apiKeyScope: "feedback_tokens:mint",
  body: MintFeedbackTokenBodySchema,
  responses: { 201: { description: "Token minted", schema: FeedbackTokenResponseSchema } },
  errors: ["unknown_user", "not_found"],
});

export const feedbackTokenEndpoints = [mintFeedbackToken] as const;
