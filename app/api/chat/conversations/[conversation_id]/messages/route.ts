import { sendChatMessage as endpoint } from "@/lib/api/chat-endpoints";
import { sendChatMessage } from "@/server/chat/chat-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { eventStreamResponse } from "@/server/http/event-stream";

export const POST = defineRoute(endpoint, async ({ db, actor, params, body, request }) =>
  eventStreamResponse(await sendChatMessage({ db, actor }, params.conversation_id, body.content), request),
);

export const OPTIONS = corsPreflight(endpoint);
