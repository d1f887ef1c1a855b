// The chat demo's TanStack Query keys and options. Plain module: server components import the keys
// to hand their data to the client cache (setQueryData + dehydrate).
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { createChatClient } from "@/lib/api/chat-client";

export const chatKeys = {
  all: ["chat"] as const,
  /** The signed-in user's conversations: infinite query of `ChatConversationList` pages. */
  list: () => [...chatKeys.all, "conversations"] as const,
  /** One conversation with its messages: `ConversationResponse`. */
  conversation: (conversationId: string) => [...chatKeys.all, "conversation", conversationId] as const,
};

export const chatClient = createChatClient();

/** Only this user changes their conversations, and the page keeps the cache in step after each turn. */
export const CHAT_STALE_TIME = 60_000;

export function conversationListOptions() {
  return infiniteQueryOptions({
    queryKey: chatKeys.list(),
    queryFn: ({ pageParam }) => chatClient.listConversations(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
    staleTime: CHAT_STALE_TIME,
  });
}

export function conversationOptions(conversationId: string) {
  return queryOptions({
    queryKey: chatKeys.conversation(conversationId),
    queryFn: () => chatClient.getConversation(conversationId),
    staleTime: CHAT_STALE_TIME,
  });
}
