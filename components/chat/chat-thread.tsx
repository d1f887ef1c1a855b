"use client";
import { RotateCcw } from "lucide-react";
import { memo, type ReactNode } from "react";
import { FeedbackButtons } from "@/components/feedback";
import { Button } from "@/components/ui/button";
import type { ConversationMessage } from "@/lib/api/conversation-schemas";
import { conversationTitle } from "@/lib/chat/conversation-title";
import { ChatComposer } from "./chat-composer";
import { ChatMessage, TypingIndicator } from "./chat-message";
import { useChatThread, type AnswerFailure } from "./use-chat-thread";

/** Questions a new chat offers, one click away. */
const SUGGESTIONS = ["I was charged twice. How do I get a refund?", "How do I invite a teammate?", "How do I export all my data as CSV?"];

export interface ChatThreadProps {
  /** null for a new chat: its conversation is created with the first message. */
  conversationId: string | null;
  /** The signed-in user: only a conversation's owner can write in it. */
  viewerId: string;
}

function failureText(failure: AnswerFailure | null): string {
  if (!failure) return "This message has no answer yet.";
  if (failure.kind === "stopped") return "You stopped the answer; nothing of it was kept.";
  return `The assistant could not answer. ${failure.detail}${/[.!?]$/.test(failure.detail) ? "" : "."}`;
}

function NoAnswer({ failure, canWrite, onAnswer, onReload }: { failure: AnswerFailure | null; canWrite: boolean; onAnswer: () => void; onReload: () => void }) {
  const changed = failure?.code === "conversation_changed";
  return (
    <li data-slot="chat-no-answer" className="ml-11 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm">
      <p className={failure?.kind === "failed" ? "text-(--color-negative)" : "text-muted-foreground"}>{failureText(failure)}</p>
      {canWrite && !changed && (failure?.retryable ?? true) && (
        <Button variant="secondary" className="px-3 py-1.5" onClick={onAnswer}>
          <RotateCcw aria-hidden className="size-4" />
          {failure?.kind === "failed" ? "Retry" : failure?.kind === "stopped" ? "Answer again" : "Answer it"}
        </Button>
      )}
      {changed && (
        <Button variant="secondary" className="px-3 py-1.5" onClick={onReload}>
          Reload the conversation
        </Button>
      )}
    </li>
  );
}

function EmptyThread({ isNew, canWrite, onPick }: { isNew: boolean; canWrite: boolean; onPick: (question: string) => void }) {
  return (
    <div className="flex flex-col items-center gap-6 py-12 text-center">
      <div className="flex flex-col gap-2">
        <h2 className="text-xl font-semibold tracking-tight">{isNew ? "What can I help you with?" : "No messages yet"}</h2>
        <p className="max-w-md text-sm text-muted-foreground">
          Ask a question and rate the answer with the thumbs under it. Your votes go to the review queue, where the best and
          the corrected answers become golden examples.
        </p>
      </div>
      {canWrite && (
      <ul aria-label="Suggested questions" className="flex flex-wrap justify-center gap-2">
        {SUGGESTIONS.map((question) => (
          <li key={question}>
            <Button variant="secondary" className="rounded-full px-3 py-1.5 font-normal" onClick={() => onPick(question)}>
              {question}
            </Button>
          </li>
        ))}
      </ul>
      )}
    </div>
  );
}

/** Messages per memoised run: a streamed word re-renders none of them. */
const RUN_LENGTH = 20;
/** The newest messages, which a thread opens with in view, are always rendered; older ones only once scrolled to. */
const ALWAYS_RENDERED = 20;

const sameMessages = (a: MessageRunProps, b: MessageRunProps) =>
  a.conversationId === b.conversationId &&
  a.deferOffscreen === b.deferOffscreen &&
  a.messages.length === b.messages.length &&
  a.messages.every((message, index) => message === b.messages[index]);

interface MessageRunProps {
  messages: ConversationMessage[];
  conversationId: string | null;
  /** Out of view at first: skip their layout and paint until they are scrolled to. */
  deferOffscreen: boolean;
}

/** A run of stored messages; re-renders only when one of them changes (not for every streamed word). */
const MessageRun = memo(function MessageRun({ messages, conversationId, deferOffscreen }: MessageRunProps) {
  return messages.map((message) =>
    message.role === "assistant" ? (
      <ChatMessage
        key={message.id}
        role="assistant"
        deferOffscreen={deferOffscreen}
        footer={<FeedbackButtons className="mt-2" messageId={message.id} conversationId={conversationId} />}
      >
        {message.content}
      </ChatMessage>
    ) : message.role === "user" ? (
      <ChatMessage key={message.id} role="user" deferOffscreen={deferOffscreen}>
        {message.content}
      </ChatMessage>
    ) : null,
  );
}, sameMessages);

/** The stored messages in memoised runs from the oldest, so appending a message changes only the last run. */
function StoredMessages({ messages, conversationId }: { messages: ConversationMessage[]; conversationId: string | null }) {
  const runs: ReactNode[] = [];
  for (let start = 0; start < messages.length; start += RUN_LENGTH) {
    const run = messages.slice(start, start + RUN_LENGTH);
    runs.push(
      <MessageRun
        key={run[0]!.id}
        messages={run}
        conversationId={conversationId}
        deferOffscreen={messages.length - (start + run.length) >= ALWAYS_RENDERED}
      />,
    );
  }
  return runs;
}

/** A conversation: its messages, the answer streaming in, feedback buttons under every answer, and the composer. */
export function ChatThread({ conversationId, viewerId }: ChatThreadProps) {
  const thread = useChatThread(conversationId);
  const { conversation, pending } = thread;
  const messages = conversation?.messages ?? [];
  const canWrite = conversation === undefined || conversation.user_id === viewerId;
  const title = conversation ? conversationTitle(conversation.title, messages.find((message) => message.role === "user")?.content) : "New chat";

  if (thread.loadError) {
    return (
      <div role="alert" className="m-auto flex flex-col items-center gap-3 p-6 text-center">
        <p>The conversation could not be loaded.</p>
        <Button variant="secondary" onClick={thread.reload}>
          Try again
        </Button>
      </div>
    );
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="border-b border-border px-6 py-3">
        <h1 className="truncate text-base font-semibold">{title}</h1>
        {!canWrite && (
          <p className="text-xs text-muted-foreground">Another member&apos;s conversation: you can read it and rate its answers; only its owner can reply.</p>
        )}
      </div>
      {/* column-reverse keeps the newest message in view, from the first paint on and while an answer grows. */}
      <section aria-label="Messages" tabIndex={0} className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring">
        <div className="mx-auto w-full max-w-3xl px-4 py-6">
          {messages.length === 0 && !pending ? (
            <EmptyThread isNew={conversationId === null} canWrite={canWrite} onPick={thread.send} />
          ) : (
            <ol className="flex flex-col gap-6">
              <StoredMessages messages={messages} conversationId={thread.conversationId} />
              {pending?.question && <ChatMessage role="user">{pending.question}</ChatMessage>}
              {pending && (
                <ChatMessage role="assistant" busy footer={<FeedbackButtons className="mt-2" messageId={null} conversationId={thread.conversationId} streaming />}>
                  {pending.answer || <TypingIndicator />}
                </ChatMessage>
              )}
              {thread.unanswered && <NoAnswer failure={thread.failure} canWrite={canWrite} onAnswer={thread.answerAgain} onReload={thread.reload} />}
            </ol>
          )}
        </div>
      </section>
      <span role="status" className="sr-only">
        {thread.announcement.text}
        {/* A repeated message must still change the region's text to be announced again. */}
        {thread.announcement.count % 2 === 1 ? "\u00a0" : ""}
      </span>
      {canWrite ? (
        <ChatComposer
          draft={thread.draft}
          onDraftChange={thread.setDraft}
          onSend={() => thread.send()}
          onStop={thread.stop}
          answering={pending !== null}
          error={thread.sendError}
        />
      ) : null}
    </div>
  );
}
