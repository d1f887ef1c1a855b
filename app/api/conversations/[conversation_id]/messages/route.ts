import { appendMessages as endpoint } from "@/lib/api/conversation-endpoints";
import { toMessageResponse } from "@/server/conversations/conversation-response";
import { appendMessages } from "@/server/conversations/conversation-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, params, body }) => {
  const { messages, created } = await appendMessages({ db, actor }, params.conversation_id, body.messages);
  return { status: created ? 201 : 200, body: { items: messages.map(toMessageResponse) } };
});

export const OPTIONS = corsPreflight(endpoint);
