import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { ChatThread } from "@/components/chat/chat-thread";
import { chatApis, withChatProviders, type ChatStoryData } from "./chat-story-kit";
import { STORY_ANSWER, STORY_USER, storyConversation } from "./mock-chat-api";

const refund = storyConversation("c-refund", "Refund for a duplicate charge", [
  ["I was charged twice for my March invoice. How do I get a refund?", "Duplicate charges are refunded automatically within 5 business days."],
  ["Will the refund go back to the same card?", "Yes. Refunds always go back to the original payment method."],
]);
const refundVotes = [{ message_id: "c-refund-m1", feedback_type: "positive" as const }];
const unanswered = storyConversation("c-open", null, [["Can I get my invoices in euros?"]]);

const meta = {
  title: "Chat/Thread",
  component: ChatThread,
  decorators: [
    withChatProviders,
    (Story) => (
      <div className="flex h-[640px] flex-col rounded-lg border border-border">
        <Story />
      </div>
    ),
  ],
  args: { conversationId: refund.id, viewerId: STORY_USER },
  parameters: {
    layout: "fullscreen",
    docs: {
      description: {
        component:
          "The chat demo's thread: stored messages with `FeedbackButtons` under every answer, the answer streaming in, " +
          "failures with a way to answer again, and the composer. The chat API and the feedback API are mocked with MSW.",
      },
    },
  },
} satisfies Meta<typeof ChatThread>;

export default meta;
type Story = StoryObj<typeof meta>;

const data = (chatData: ChatStoryData) => ({ chatData });
const thread = (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  return {
    canvas,
    composer: () => canvas.getByRole("textbox", { name: "Message" }),
    answers: () => canvas.getAllByRole("article", { name: "Assistant" }),
    status: () => canvas.getAllByRole("status").at(-1)!,
  };
};

const conversationApis = chatApis({ conversations: [refund] }, { votes: refundVotes });
/** A stored conversation as the page hands it over: the votes are there at once, and nothing is requested. */
export const Conversation: Story = {
  ...conversationApis.story,
  parameters: { ...conversationApis.story.parameters, ...data({ conversation: refund, votes: refundVotes }) },
  play: async ({ canvasElement }) => {
    const { canvas, answers } = thread(canvasElement);
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent("Refund for a duplicate charge");
    await expect(within(answers()[0]!).getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "true");
    await expect(within(answers()[1]!).getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "false");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(conversationApis.chatApi.requests).toEqual([]);
    await expect(conversationApis.feedbackApi.calls).toEqual([]);
  },
};

export const ConversationDark: Story = {
  ...Conversation,
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.closest(".dark")).not.toBeNull();
    await expect(thread(canvasElement).answers()).toHaveLength(2);
  },
};

const newChatApis = chatApis();
const replaceState = fn();
/** A new chat: suggestions; the first message creates the conversation, the answer streams in and can be rated at once. */
export const NewChat: Story = {
  ...newChatApis.story,
  args: { conversationId: null },
  beforeEach: () => {
    newChatApis.story.beforeEach();
    replaceState.mockClear();
    // The page's address follows the new conversation; the story's frame keeps its own.
    const original = window.history.replaceState;
    window.history.replaceState = replaceState;
    return () => {
      window.history.replaceState = original;
    };
  },
  play: async ({ canvasElement }) => {
    const { canvas, answers, status } = thread(canvasElement);
    await expect(canvas.getByRole("heading", { level: 2 })).toHaveTextContent("What can I help you with?");
    await userEvent.click(canvas.getByRole("button", { name: "How do I invite a teammate?" }));
    await waitFor(() => expect(status()).toHaveTextContent("The assistant answered."), { timeout: 5000 });
    await expect(replaceState).toHaveBeenCalledWith(null, "", "/chat/c-new-1");
    await expect(canvas.getByRole("heading", { level: 1 })).toHaveTextContent("How do I invite a teammate?");
    const answer = answers()[0]!;
    await expect(answer).toHaveTextContent(STORY_ANSWER);
    // Rateable as soon as the stored answer arrived, without reading any votes first.
    const up = within(answer).getByRole("button", { name: "Good response" });
    await expect(up).toBeEnabled();
    await userEvent.click(up);
    await waitFor(() => expect(newChatApis.feedbackApi.callsTo("POST", "/api/feedback").map((call) => call.body)).toEqual([{ message_id: "c-new-1-m1", feedback_type: "positive" }]));
    await expect(newChatApis.feedbackApi.callsTo("GET", "/api/feedback")).toEqual([]);
  },
};

const streamingApis = chatApis({ conversations: [refund], holdAfterWords: 4 });
/** While the answer streams: the words so far, disabled buttons, Stop instead of Send, and an announcement. */
export const Streaming: Story = {
  ...streamingApis.story,
  parameters: { ...streamingApis.story.parameters, ...data({ conversation: refund }) },
  play: async ({ canvasElement }) => {
    const { canvas, composer, answers, status } = thread(canvasElement);
    await userEvent.type(composer(), "How do I invite a teammate?{Enter}");
    await waitFor(() => expect(answers()).toHaveLength(3));
    const streaming = answers()[2]!;
    await expect(streaming).toHaveAttribute("aria-busy", "true");
    await waitFor(() => expect(streaming).toHaveTextContent("Open Settings → Members"));
    await expect(within(streaming).getByRole("button", { name: "Good response" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Stop the answer" })).toBeVisible();
    await expect(status()).toHaveTextContent("The assistant is answering…");
  },
};

const stopApis = chatApis({ conversations: [refund], holdAfterWords: 4 });
/** Stopping the answer keeps nothing of it, says so, and offers to answer again. */
export const Stopped: Story = {
  ...stopApis.story,
  parameters: { ...stopApis.story.parameters, ...data({ conversation: refund }) },
  play: async ({ canvasElement }) => {
    const { canvas, composer, status } = thread(canvasElement);
    await userEvent.type(composer(), "How do I invite a teammate?{Enter}");
    await userEvent.click(await canvas.findByRole("button", { name: "Stop the answer" }));
    await expect(await canvas.findByText("You stopped the answer; nothing of it was kept.")).toBeVisible();
    await expect(status()).toHaveTextContent("Answer stopped.");
    await expect(canvas.getByRole("button", { name: "Answer again" })).toBeEnabled();
    await expect(canvas.getByRole("button", { name: "Send message" })).toBeDisabled();
  },
};

const failureApis = chatApis(
  { conversations: [refund], failAnswers: [{ type: "error", code: "responder_failed", detail: "The assistant service answered 503", retryable: true }] },
  { votes: refundVotes },
);
/** The responder fails: the question is kept, the failure is shown and announced, Retry answers it. */
export const ResponderFailure: Story = {
  ...failureApis.story,
  parameters: { ...failureApis.story.parameters, ...data({ conversation: refund, votes: refundVotes }) },
  play: async ({ canvasElement }) => {
    const { canvas, composer, answers, status } = thread(canvasElement);
    await userEvent.type(composer(), "Is the status page up?{Enter}");
    await expect(await canvas.findByText("The assistant could not answer. The assistant service answered 503.")).toBeVisible();
    await expect(status()).toHaveTextContent("The assistant could not answer: The assistant service answered 503");
    await expect(answers()).toHaveLength(2);
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(answers()).toHaveLength(3), { timeout: 5000 });
    await waitFor(() => expect(status()).toHaveTextContent("The assistant answered."));
    await expect(failureApis.chatApi.requests.filter((request) => request.startsWith("POST"))).toEqual([
      "POST /api/chat/conversations/c-refund/messages",
      "POST /api/chat/conversations/c-refund/answer",
    ]);
  },
};

const notSentApis = chatApis({ conversations: [refund], sendFails: true });
/** The message cannot reach the server: it goes back into the composer, with an alert. */
export const NotSent: Story = {
  ...notSentApis.story,
  parameters: { ...notSentApis.story.parameters, ...data({ conversation: refund }) },
  play: async ({ canvasElement }) => {
    const { canvas, composer } = thread(canvasElement);
    await userEvent.type(composer(), "Is there a nonprofit discount?{Enter}");
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Your message was not sent.");
    await expect(composer()).toHaveValue("Is there a nonprofit discount?");
    await expect(composer()).toHaveAccessibleDescription(/Your message was not sent/);
  },
};

const unansweredApis = chatApis({ conversations: [unanswered] });
/** A question without an answer (the page was left while it streamed): Answer it streams one. */
export const Unanswered: Story = {
  ...unansweredApis.story,
  args: { conversationId: unanswered.id },
  parameters: { ...unansweredApis.story.parameters, ...data({ conversation: unanswered }) },
  play: async ({ canvasElement }) => {
    const { canvas, answers } = thread(canvasElement);
    await expect(canvas.getByText("This message has no answer yet.")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Answer it" }));
    await waitFor(() => expect(answers()).toHaveLength(1), { timeout: 5000 });
    await waitFor(() => expect(canvas.queryByText("This message has no answer yet.")).toBeNull());
  },
};

const readOnly = storyConversation("c-other", "Team plan pricing", [["How much is the Team plan?", "$8 per seat per month."]], "someone-else");
const readOnlyApis = chatApis({ conversations: [readOnly] });
/** A reviewer reading another member's conversation: they can rate, not reply. */
export const ReadOnly: Story = {
  ...readOnlyApis.story,
  args: { conversationId: readOnly.id },
  parameters: { ...readOnlyApis.story.parameters, ...data({ conversation: readOnly }) },
  play: async ({ canvasElement }) => {
    const { canvas, answers } = thread(canvasElement);
    await expect(canvas.getByText(/only its owner can reply/)).toBeVisible();
    await expect(canvas.queryByRole("textbox", { name: "Message" })).toBeNull();
    await expect(within(answers()[0]!).getByRole("button", { name: "Good response" })).toBeEnabled();
  },
};

const loadErrorApis = chatApis({ conversations: [refund], failReads: 1 });
/** The conversation cannot be read (and nothing of it is cached): say so, and try again. */
export const LoadError: Story = {
  ...loadErrorApis.story,
  play: async ({ canvasElement }) => {
    const { canvas, answers } = thread(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("The conversation could not be loaded.");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(answers()).toHaveLength(2));
  },
};
