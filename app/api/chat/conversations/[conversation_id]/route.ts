import { getChatConversation as endpoint } from "@/lib/api/chat-endpoints";
import { toConversationResponse } from "@/server/conversations/conversation-response";
import { getConversation } from "@/server/conversations/conversation-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, params }) => ({
  body: toConversationResponse(await getConversation({ db, actor }, params.conversation_id)),
}));

export const OPTIONS = corsPreflight(endpoint);
