import type { Metadata } from "next";
import { ChatThread } from "@/components/chat/chat-thread";
import { requireSignedIn } from "./sign-in-redirect";

export const metadata: Metadata = { title: "New chat" };
export const dynamic = "force-dynamic";

export default async function NewChatPage() {
  const actor = await requireSignedIn("/chat");
  return <ChatThread conversationId={null} viewerId={actor.userId} />;
}
