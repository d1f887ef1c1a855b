import {
  ChatConversationListQuerySchema,
  ChatConversationListSchema,
  ChatStreamEventSchema,
  CreateChatConversationBodySchema,
  SendChatMessageBodySchema,
} from "./chat-schemas";
import { ConversationResponseSchema } from "./conversation-schemas";
import { defineEndpoint } from "./endpoint";
import { ConversationIdParamsSchema } from "./schemas";

const ANSWER_STREAM_DESCRIPTION =
  "A `text/event-stream`: each event is one `data:` line with a JSON `ChatStreamEvent`. `delta` events carry the " +
  "answer as it is written; the last event is `assistant_message` (the stored answer, with the id to rate it by) " +
  "or `error` (nothing of the answer was stored). The answer is stored only when it is complete, so no partial " +
  "answer is ever seen or rated; closing the connection stops it.";

export const listChatConversations = defineEndpoint({
  id: "listChatConversations",
  method: "GET",
  path: "/api/chat/conversations",
  tag: "Chat",
  summary: "The caller's conversations",
  description:
    "Every conversation of the caller — started in the chat or registered for them by a chat backend through the " +
    "ingestion API — newest activity first, with its title (or its first question) and the last message's beginning. " +
    "Paged by cursor: pass `next_cursor` as `before`.",
  auth: "member",
  query: ChatConversationListQuerySchema,
  responses: { 200: { description: "A page of the caller's conversations", schema: ChatConversationListSchema } },
});

export const createChatConversation = defineEndpoint({
  id: "createChatConversation",
  method: "POST",
  path: "/api/chat/conversations",
  tag: "Chat",
  summary: "Start a conversation",
  description: "Creates an empty conversation owned by the caller; send its first message with the messages endpoint.",
  auth: "member",
  body: CreateChatConversationBodySchema,
  responses: { 201: { description: "The new conversation", schema: ConversationResponseSchema } },
});

export const getChatConversation = defineEndpoint({
  id: "getChatConversation",
  method: "GET",
  path: "/api/chat/conversations/{conversation_id}",
  tag: "Chat",
  summary: "A conversation with its messages",
  description: "The caller's own conversation, or for reviewers and admins any of the organization's. 404 for anyone else.",
  auth: "member",
  params: ConversationIdParamsSchema,
  responses: { 200: { description: "The conversation, messages in order", schema: ConversationResponseSchema } },
  errors: ["not_found"],
});

export const sendChatMessage = defineEndpoint({
  id: "sendChatMessage",
  method: "POST",
  path: "/api/chat/conversations/{conversation_id}/messages",
  tag: "Chat",
  summary: "Send a message and stream the assistant's answer",
  description:
    "Stores the caller's message (the first event, `user_message`, carries it with its id) and streams the answer. " +
    `${ANSWER_STREAM_DESCRIPTION} Only the conversation's owner can send (403 \`not_conversation_owner\` for a reviewer reading it).`,
  auth: "member",
  params: ConversationIdParamsSchema,
  body: SendChatMessageBodySchema,
  responses: { 200: { description: "The answer, as server-sent events", contentType: ["text/event-stream"], schema: ChatStreamEventSchema } },
  errors: ["not_found", "not_conversation_owner", "concurrent_write"],
});

export const answerChatConversation = defineEndpoint({
  id: "answerChatConversation",
  method: "POST",
  path: "/api/chat/conversations/{conversation_id}/answer",
  tag: "Chat",
  summary: "Answer the last message again",
  description:
    "For a conversation whose last message is the caller's, unanswered (the answer failed or was stopped): streams a " +
    `new answer to it. ${ANSWER_STREAM_DESCRIPTION} 409 \`nothing_to_answer\` when the last message is not a user message.`,
  auth: "member",
  params: ConversationIdParamsSchema,
  responses: { 200: { description: "The answer, as server-sent events", contentType: ["text/event-stream"], schema: ChatStreamEventSchema } },
  errors: ["not_found", "not_conversation_owner", "nothing_to_answer"],
});

export const chatEndpoints = [listChatConversations, createChatConversation, getChatConversation, sendChatMessage, answerChatConversation];
