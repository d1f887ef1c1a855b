import { createConversation as endpoint } from "@/lib/api/conversation-endpoints";
import { toConversationResponse } from "@/server/conversations/conversation-response";
import { createConversation } from "@/server/conversations/conversation-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, body }) => {
  const { conversation, created } = await createConversation({ db, actor }, body);
  return { status: created ? 201 : 200, body: toConversationResponse(conversation) };
});

export const OPTIONS = corsPreflight(endpoint);
