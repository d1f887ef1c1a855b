"use client";
import { Menu, SquarePen, X } from "lucide-react";
import Link from "next/link";
import { useState, type MouseEvent, type ReactNode } from "react";
import { AccessTokensLink } from "@/components/account/access-tokens-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConversationList } from "./conversation-list";

export interface ChatShellProps {
  user: { name: string | null; email: string };
  /** Who writes the answers, e.g. "Offline responder". */
  responderLabel: string;
  children: ReactNode;
}

const SIDEBAR_ID = "chat-sidebar";
const MAIN_ID = "chat-main";

/** The chat's frame: a header, the conversation list beside the thread (a panel on small screens), the page in the middle. */
export function ChatShell({ user, responderLabel, children }: ChatShellProps) {
  const [listOpen, setListOpen] = useState(false);

  return (
    <div className="flex h-dvh flex-col bg-background text-foreground">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to the conversation
      </a>
      <header className="flex h-14 shrink-0 items-center gap-3 border-b border-border px-4">
        <button
          type="button"
          className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring md:hidden"
          aria-expanded={listOpen}
          aria-controls={SIDEBAR_ID}
          aria-label={listOpen ? "Hide conversations" : "Show conversations"}
          onClick={() => setListOpen((open) => !open)}
        >
          {listOpen ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
        </button>
        <Link href="/" className="rounded-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
          Feedback Kit
        </Link>
        <span aria-hidden className="text-muted-foreground">
          /
        </span>
        <span className="text-sm text-muted-foreground">Chat demo</span>
        <span className="ml-auto hidden rounded-full border border-border px-2.5 py-0.5 text-xs text-muted-foreground sm:inline">{responderLabel}</span>
        <span className="hidden text-sm lg:inline" title={user.email}>
          {user.name ?? user.email}
        </span>
        <AccessTokensLink className="hidden sm:inline-flex" />
        <SignOutButton />
      </header>
      <div className="relative flex min-h-0 flex-1">
        <aside
          id={SIDEBAR_ID}
          aria-label="Conversations"
          // A chosen conversation (or a new chat) closes the small-screen panel.
          onClick={(event: MouseEvent) => {
            if ((event.target as HTMLElement).closest("a")) setListOpen(false);
          }}
          className={`${listOpen ? "flex" : "hidden"} absolute inset-y-0 left-0 z-20 w-72 flex-col border-r border-border bg-background shadow-lg md:static md:flex md:shadow-none`}
        >
          <div className="flex items-center justify-between gap-2 px-3 pt-3 pb-2">
            <h2 className="px-1 text-sm font-semibold">Conversations</h2>
            <Link
              href="/chat"
              className="inline-flex items-center gap-1.5 rounded-md border border-border px-2.5 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              <SquarePen aria-hidden className="size-4" />
              New chat
            </Link>
          </div>
          <nav aria-label="Your conversations" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
            <ConversationList />
          </nav>
        </aside>
        <main id={MAIN_ID} tabIndex={-1} className="flex min-w-0 flex-1 flex-col focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
