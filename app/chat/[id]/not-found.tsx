import Link from "next/link";

export default function ConversationNotFound() {
  return (
    <div className="m-auto flex max-w-md flex-col items-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">Conversation not found</h1>
      <p className="text-sm text-muted-foreground">It does not exist, or it belongs to someone else. Pick one of your conversations or start a new one.</p>
      <Link href="/chat" className="font-medium text-primary underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
        Start a new chat
      </Link>
    </div>
  );
}
