"use client";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { feedbackKeys } from "@/components/feedback";
import type { AnswerStreamOptions } from "@/lib/api/chat-client";
import type { ChatStreamErrorCode } from "@/lib/api/chat-schemas";
import type { ConversationMessage, ConversationResponse } from "@/lib/api/conversation-schemas";
import { FeedbackApiError } from "@/lib/api/feedback-api-error";
import { chatClient, chatKeys, conversationOptions } from "./chat-queries";

/** The turn being answered right now. */
export interface PendingTurn {
  /** The question as typed, until the server confirms it (then it is one of the conversation's messages). */
  question: string | null;
  /** The answer so far. */
  answer: string;
}

/** Why the conversation's last question has no answer. */
export interface AnswerFailure {
  kind: "failed" | "stopped";
  detail: string;
  /** Answering again can help. */
  retryable: boolean;
  code?: ChatStreamErrorCode;
}

export interface ChatThread {
  conversationId: string | null;
  conversation: ConversationResponse | undefined;
  /** The conversation could not be read (and nothing of it is cached). */
  loadError: boolean;
  reload: () => void;
  pending: PendingTurn | null;
  /** The last question has no answer (it failed, was stopped, or the page was left while it streamed). */
  unanswered: boolean;
  failure: AnswerFailure | null;
  /** The composer's text: kept here so a message that could not be sent comes back to it. */
  draft: string;
  setDraft: (draft: string) => void;
  /** The last message could not be sent at all. */
  sendError: string | null;
  /** Polite announcement for screen readers (answering, ready, failed); `count` changes with every new one. */
  announcement: { text: string; count: number };
  /** Sends the draft, or the given text (a suggested question). */
  send: (text?: string) => void;
  stop: () => void;
  answerAgain: () => void;
}

const ANNOUNCE = {
  answering: "The assistant is answering…",
  ready: "The assistant answered.",
  stopped: "Answer stopped.",
};

function detailOf(error: unknown): string {
  if (error instanceof FeedbackApiError) return error.status === 0 ? "The connection to the server was lost." : error.detail;
  return "Something went wrong.";
}

function appendMessage(queryClient: QueryClient, conversationId: string, message: ConversationMessage) {
  queryClient.setQueryData<ConversationResponse>(chatKeys.conversation(conversationId), (conversation) =>
    conversation && !conversation.messages.some((existing) => existing.id === message.id)
      ? { ...conversation, messages: [...conversation.messages, message] }
      : conversation,
  );
}

/**
 * The state of one chat thread: the stored conversation (from the query cache, hydrated by the
 * server), the answer streaming into it, and what went wrong. A new chat (`conversationId` null)
 * creates its conversation with the first message and moves the URL to it.
 */
export function useChatThread(initialConversationId: string | null): ChatThread {
  const queryClient = useQueryClient();
  const [conversationId, setConversationId] = useState(initialConversationId);
  const query = useQuery({ ...conversationOptions(conversationId ?? ""), enabled: conversationId !== null });
  const [pending, setPending] = useState<PendingTurn | null>(null);
  const [failure, setFailure] = useState<AnswerFailure | null>(null);
  const [draft, setDraft] = useState("");
  const [sendError, setSendError] = useState<string | null>(null);
  const [announcement, setAnnouncementState] = useState({ text: "", count: 0 });
  const setAnnouncement = useCallback((text: string) => setAnnouncementState((previous) => ({ text, count: previous.count + 1 })), []);
  const running = useRef<AbortController | null>(null);

  // Leaving the page stops the answer; the server then stores nothing of it.
  useEffect(() => () => running.current?.abort(), []);

  const stream = useCallback(
    async (id: string, question: string | null, start: (options: AnswerStreamOptions) => Promise<void>) => {
      const controller = new AbortController();
      running.current = controller;
      let questionStored = question === null;
      setFailure(null);
      setSendError(null);
      setPending({ question, answer: "" });
      setAnnouncement(ANNOUNCE.answering);
      try {
        await start({
          signal: controller.signal,
          onEvent: (event) => {
            switch (event.type) {
              case "user_message":
                questionStored = true;
                appendMessage(queryClient, id, event.message);
                setPending((turn) => turn && { ...turn, question: null });
                break;
              case "delta":
                setPending((turn) => turn && { ...turn, answer: turn.answer + event.text });
                break;
              case "assistant_message":
                // The same update that gives the answer its id ends the streaming state: it is rateable at once.
                appendMessage(queryClient, id, event.message);
                setPending(null);
                setAnnouncement(ANNOUNCE.ready);
                break;
              case "error":
                setPending(null);
                setFailure({ kind: "failed", detail: event.detail, retryable: event.retryable, code: event.code });
                setAnnouncement(`The assistant could not answer: ${event.detail}`);
                // The question is stored, the answer is not: show what the server has.
                void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(id) });
                break;
            }
          },
        });
      } catch (error) {
        setPending(null);
        if (!questionStored && question !== null) {
          // The message may not have reached the server: give it back to the composer.
          setDraft((current) => current || question);
          const detail = controller.signal.aborted ? "Sending was stopped." : detailOf(error);
          setSendError(`Your message was not sent. ${detail}`);
          setAnnouncement(`Your message was not sent. ${detail}`);
        } else if (controller.signal.aborted) {
          setFailure({ kind: "stopped", detail: "You stopped the answer.", retryable: true });
          setAnnouncement(ANNOUNCE.stopped);
        } else {
          const detail = detailOf(error);
          setFailure({ kind: "failed", detail, retryable: true });
          setAnnouncement(`The assistant could not answer: ${detail}`);
        }
        // What the server stored is the truth: read the conversation again.
        void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(id) });
      } finally {
        if (running.current === controller) running.current = null;
        void queryClient.invalidateQueries({ queryKey: chatKeys.list() });
      }
    },
    [queryClient, setAnnouncement],
  );

  const send = useCallback((text?: string) => {
    const content = (text ?? draft).trim();
    if (!content || running.current) return;
    setDraft("");
    void (async () => {
      let id = conversationId;
      if (id === null) {
        try {
          const created = await chatClient.createConversation({});
          id = created.id;
          queryClient.setQueryData(chatKeys.conversation(id), created);
          // A new conversation has no votes yet: the kit needs no request to know.
          queryClient.setQueryData(feedbackKeys.conversation(id), { items: [] });
          setConversationId(id);
          // The chat stays mounted; the address becomes the conversation's, so a reload keeps it open.
          window.history.replaceState(null, "", `/chat/${id}`);
        } catch (error) {
          setDraft(content);
          setSendError(`Your message was not sent. ${detailOf(error)}`);
          return;
        }
      }
      const target = id;
      await stream(target, content, (options) => chatClient.sendMessage(target, content, options));
    })();
  }, [conversationId, draft, queryClient, stream]);

  const answerAgain = useCallback(() => {
    if (!conversationId || running.current) return;
    const id = conversationId;
    void stream(id, null, (options) => chatClient.answerAgain(id, options));
  }, [conversationId, stream]);

  const stop = useCallback(() => running.current?.abort(), []);

  const conversation = query.data;
  const last = conversation?.messages.at(-1);
  return {
    conversationId,
    conversation,
    loadError: query.isError && conversation === undefined,
    reload: () => void query.refetch(),
    pending,
    unanswered: pending === null && last?.role === "user",
    failure,
    draft,
    setDraft,
    sendError,
    announcement,
    send,
    stop,
    answerAgain,
  };
}
