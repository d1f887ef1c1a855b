import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ChatProviders } from "@/components/chat/chat-providers";
import { chatKeys } from "@/components/chat/chat-queries";
import { ChatShell } from "@/components/chat/chat-shell";
import { prefetchFeedbackConfig } from "@/components/feedback";
import { DEFAULT_CONVERSATION_PAGE } from "@/lib/chat/chat-limits";
import { getCurrentActor } from "@/server/auth/current-actor";
import { listConversations } from "@/server/conversations/conversation-service";
import { getDb } from "@/server/db/database";
import { getResponder } from "@/server/responder";
import { getFeedbackConfig } from "@/server/settings/feedback-config-service";

/**
 * The chat's frame, rendered once and kept while the user moves between conversations: the
 * conversation list and the organization's feedback settings come with the first HTML, so neither
 * the list nor the buttons ask the API for them.
 */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  // Signed out: the page sends the visitor to sign-in, with the way back.
  if (!actor) return children;
  const db = getDb();
  const queryClient = new QueryClient();
  const [firstPage] = await Promise.all([
    listConversations({ db, actor }, { limit: DEFAULT_CONVERSATION_PAGE }),
    prefetchFeedbackConfig(queryClient, () => getFeedbackConfig({ db, actor })),
  ]);
  queryClient.setQueryData(chatKeys.list(), { pages: [firstPage], pageParams: [null] });
  const responder = getResponder().name;

  return (
    <ChatProviders>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ChatShell
          user={{ name: actor.name, email: actor.email }}
          responderLabel={responder === "offline" ? "Offline responder" : responder.replace(/^openai-compatible /, "Model ")}
        >
          {children}
        </ChatShell>
      </HydrationBoundary>
    </ChatProviders>
  );
}
