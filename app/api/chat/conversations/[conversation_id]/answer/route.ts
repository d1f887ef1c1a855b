import { answerChatConversation as endpoint } from "@/lib/api/chat-endpoints";
import { answerAgain } from "@/server/chat/chat-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { eventStreamResponse } from "@/server/http/event-stream";

export const POST = defineRoute(endpoint, async ({ db, actor, params, request }) => eventStreamResponse(await answerAgain({ db, actor }, params.conversation_id), request));

export const OPTIONS = corsPreflight(endpoint);
