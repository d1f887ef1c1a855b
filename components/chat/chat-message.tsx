import { cva } from "class-variance-authority";
import { Bot } from "lucide-react";
import type { ReactNode } from "react";

const messageVariants = cva("flex w-full gap-3", {
  variants: {
    role: { user: "justify-end", assistant: "justify-start" },
    // Older messages of a long thread, out of view when it opens, skip style, layout and paint until
    // they are scrolled to (they stay in the accessibility tree and in find-in-page). Only those: a
    // message in view that first took its placeholder size would shift the page.
    deferOffscreen: { true: "[contain-intrinsic-size:auto_7rem] [content-visibility:auto]", false: "" },
  },
});

const bodyVariants = cva("min-w-0 text-sm leading-relaxed break-words whitespace-pre-wrap", {
  variants: {
    role: {
      user: "rounded-2xl rounded-br-md bg-muted px-4 py-2.5 text-foreground",
      assistant: "flex-1 pt-1 text-foreground",
    },
  },
});

export interface ChatMessageProps {
  role: "user" | "assistant";
  children: ReactNode;
  /** Under the text, e.g. the feedback buttons or an error. */
  footer?: ReactNode;
  /** The text is still being written. */
  busy?: boolean;
  /** Out of view when the thread opens: rendered only once scrolled to. */
  deferOffscreen?: boolean;
}

const SPEAKER = { user: "You", assistant: "Assistant" } as const;

/** One message of the thread: the user's in a bubble on the right, the assistant's with its avatar on the left. */
export function ChatMessage({ role, children, footer, busy = false, deferOffscreen = false }: ChatMessageProps) {
  return (
    <li data-slot="chat-message" data-role={role} className={messageVariants({ role, deferOffscreen })}>
      {role === "assistant" && (
        <span aria-hidden className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full border border-border bg-background text-muted-foreground">
          <Bot className="size-4" />
        </span>
      )}
      <article aria-label={SPEAKER[role]} aria-busy={busy} className={role === "assistant" ? "min-w-0 flex-1" : "max-w-[85%] min-w-0"}>
        <div className={bodyVariants({ role })}>{children}</div>
        {footer}
      </article>
    </li>
  );
}

const DOT_DELAYS = ["", "[animation-delay:150ms]", "[animation-delay:300ms]"];

/** The dots shown before the first words of an answer arrive. */
export function TypingIndicator() {
  return (
    <span className="inline-flex items-center gap-1 py-1 text-muted-foreground">
      <span className="sr-only">The assistant is writing</span>
      {DOT_DELAYS.map((delay) => (
        <span key={delay} aria-hidden className={`size-1.5 rounded-full bg-current motion-safe:animate-pulse ${delay}`} />
      ))}
    </span>
  );
}
