import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { chatKeys } from "@/components/chat/chat-queries";
import { ChatThread } from "@/components/chat/chat-thread";
import { prefetchConversationFeedback } from "@/components/feedback";
import { conversationTitle } from "@/lib/chat/conversation-title";
import type { UserActor } from "@/server/auth/actor";
import { toConversationResponse } from "@/server/conversations/conversation-response";
import { getConversation } from "@/server/conversations/conversation-service";
import { getDb } from "@/server/db/database";
import { DomainError } from "@/server/errors";
import { toFeedbackResponse } from "@/server/feedback/feedback-response";
import { listFeedbackInConversation } from "@/server/feedback/feedback-service";
import { requireSignedIn } from "../sign-in-redirect";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The conversation if the user may see it, else null; one read per request for the title and the page. */
const loadConversation = cache(async (actor: UserActor, id: string) => {
  try {
    return await getConversation({ db: getDb(), actor }, id);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireSignedIn(`/chat/${id}`);
  const conversation = await loadConversation(actor, id);
  if (!conversation) return { title: "Conversation not found" };
  return { title: conversationTitle(conversation.title, conversation.messages.find((message) => message.role === "user")?.content) };
}

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireSignedIn(`/chat/${id}`);
  const conversation = await loadConversation(actor, id);
  if (!conversation) notFound();

  // The thread and the user's votes on it arrive with the HTML: the buttons show the stored votes on
  // the first paint, and the browser asks the feedback API nothing.
  const queryClient = new QueryClient();
  queryClient.setQueryData(chatKeys.conversation(id), toConversationResponse(conversation));
  await prefetchConversationFeedback(queryClient, id, async () => ({
    items: (await listFeedbackInConversation({ db: getDb(), actor }, id)).map(toFeedbackResponse),
  }));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChatThread key={id} conversationId={id} viewerId={actor.userId} />
    </HydrationBoundary>
  );
}
