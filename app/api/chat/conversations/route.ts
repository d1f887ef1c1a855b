import { createChatConversation as createEndpoint, listChatConversations as listEndpoint } from "@/lib/api/chat-endpoints";
import { toConversationResponse } from "@/server/conversations/conversation-response";
import { createConversation, listConversations } from "@/server/conversations/conversation-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listEndpoint, async ({ db, actor, query }) => ({ body: await listConversations({ db, actor }, query) }));

export const POST = defineRoute(createEndpoint, async ({ db, actor, body }) => {
  const { conversation } = await createConversation({ db, actor }, { title: body.title });
  return { status: 201, body: toConversationResponse(conversation) };
});

export const OPTIONS = corsPreflight(listEndpoint, createEndpoint);
