import { mintFeedbackToken as endpoint } from "@/lib/api/feedback-token-endpoints";
import { mintFeedbackToken } from "@/server/auth/feedback-tokens";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { limitFeedbackTokenMints } from "@/server/rate-limit/write-limit";

export const POST = defineRoute(endpoint, async ({ db, actor, body }) => {
  await limitFeedbackTokenMints(actor);
  return { status: 201, body: await mintFeedbackToken({ db, actor }, body) };
});

export const OPTIONS = corsPreflight(endpoint);
