"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { conversationListOptions } from "./chat-queries";
import { RelativeTime } from "./relative-time";

/** While the server renders the conversation a link leads to, a spinner takes the place of its time. */
function OpeningIndicator({ children }: { children: ReactNode }) {
  const { pending } = useLinkStatus();
  if (!pending) return children;
  return (
    <span className="inline-flex shrink-0 items-center gap-1 text-xs text-muted-foreground">
      <LoaderCircle aria-hidden className="size-3.5 motion-safe:animate-spin" />
      Opening…
    </span>
  );
}

/** The signed-in user's conversations, newest activity first; each one links to its own page. */
export function ConversationList() {
  const pathname = usePathname();
  const list = useInfiniteQuery(conversationListOptions());
  const conversations = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) {
    return (
      <p aria-busy className="px-3 py-2 text-sm text-muted-foreground">
        Loading conversations…
      </p>
    );
  }
  if (list.isError && conversations.length === 0) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 px-3 py-2 text-sm">
        <p>Your conversations could not be loaded.</p>
        <Button variant="secondary" className="px-3 py-1.5" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (conversations.length === 0) {
    return <p className="px-3 py-2 text-sm text-muted-foreground">No conversations yet. Ask something to start one.</p>;
  }

  return (
    <>
      <ul className="flex flex-col gap-0.5">
        {conversations.map((conversation) => {
          const href = `/chat/${conversation.id}`;
          const current = pathname === href;
          const preview = conversation.last_message ? `${conversation.last_message.role === "user" ? "You: " : ""}${conversation.last_message.preview}` : "No messages yet";
          return (
            <li key={conversation.id}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="block rounded-md px-3 py-2 hover:bg-muted focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring aria-[current=page]:bg-muted"
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className="truncate text-sm font-medium text-foreground">{conversation.title}</span>
                  <OpeningIndicator>
                    <RelativeTime iso={conversation.updated_at} className="shrink-0 text-xs text-muted-foreground" />
                  </OpeningIndicator>
                </span>
                <span className="block truncate text-xs text-muted-foreground">{preview}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {list.hasNextPage && (
        <Button variant="ghost" className="mx-3 mt-2" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Loading…" : "Show older conversations"}
        </Button>
      )}
    </>
  );
}
