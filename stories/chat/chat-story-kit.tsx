// Shared pieces of the chat stories: a query cache seeded as the server would seed it, and the
// mocked chat and feedback APIs.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Decorator } from "@storybook/nextjs-vite";
import { chatKeys } from "@/components/chat/chat-queries";
import { FeedbackProvider, feedbackKeys } from "@/components/feedback";
import type { ConversationResponse } from "@/lib/api/conversation-schemas";
import { DEFAULT_CONFIG, mockFeedbackApi, type MockFeedbackApiOptions } from "../feedback/mock-feedback-api";
import { mockChatApi, type MockChatApiOptions } from "./mock-chat-api";

export interface ChatStoryData {
  /** In the cache from the start, as the conversation page hands it over (leave out to have it fetched). */
  conversation?: ConversationResponse;
  votes?: MockFeedbackApiOptions["votes"];
}

function SeededProviders({ data, children }: { data: ChatStoryData; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(feedbackKeys.config(), DEFAULT_CONFIG);
    if (data.conversation) {
      const ids = new Set(data.conversation.messages.map((message) => message.id));
      client.setQueryData(chatKeys.conversation(data.conversation.id), data.conversation);
      const feedback = mockFeedbackApi({ votes: data.votes });
      client.setQueryData(feedbackKeys.conversation(data.conversation.id), {
        items: (data.votes ?? []).flatMap((vote) => (ids.has(vote.message_id) ? [feedback.storedVote(vote.message_id)!] : [])),
      });
    }
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <FeedbackProvider>{children}</FeedbackProvider>
    </QueryClientProvider>
  );
}

/** Seeds the story's cache from `parameters.chatData`. */
export const withChatProviders: Decorator = (Story, { parameters }) => (
  <SeededProviders data={(parameters.chatData as ChatStoryData | undefined) ?? {}}>
    <Story />
  </SeededProviders>
);

/** The mocked APIs of a story: the chat's and the feedback kit's, reset before each run. */
export function chatApis(chat: MockChatApiOptions = {}, feedback: MockFeedbackApiOptions = {}) {
  const chatApi = mockChatApi(chat);
  const feedbackApi = mockFeedbackApi(feedback);
  return {
    chatApi,
    feedbackApi,
    story: {
      parameters: { msw: { handlers: [...chatApi.handlers, ...feedbackApi.handlers] } },
      beforeEach: () => {
        chatApi.reset();
        feedbackApi.reset();
      },
    },
  };
}
