import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { dehydrate, HydrationBoundary, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { expect, waitFor, within } from "storybook/test";
import { FeedbackButtons, FeedbackProvider, prefetchConversationFeedback, prefetchFeedbackConfig } from "@/components/feedback";
import { DEFAULT_CONFIG, mockFeedbackApi } from "./mock-feedback-api";
import { AssistantMessage, withApi, withFeedbackProvider } from "./story-kit";

const MESSAGE_IDS = Array.from({ length: 200 }, (_, index) => `m-${index + 1}`);
const CONVERSATION_ID = "c-long";
// Every seventh answer was rated earlier, alternately up and down.
const VOTES = MESSAGE_IDS.filter((_, index) => index % 7 === 0).map((message_id, index) => ({
  message_id,
  feedback_type: index % 2 === 0 ? ("positive" as const) : ("negative" as const),
}));

function Conversation({ conversationId }: { conversationId?: string }) {
  return (
    <ol aria-label="Conversation" className="flex flex-col gap-3">
      {MESSAGE_IDS.map((id, index) => (
        <li key={id}>
          <AssistantMessage text={`Answer ${index + 1}: the steps for this part of the setup.`}>
            <FeedbackButtons messageId={id} conversationId={conversationId} />
          </AssistantMessage>
        </li>
      ))}
    </ol>
  );
}

const meta = {
  title: "Feedback/Long conversation",
  component: Conversation,
  parameters: {
    docs: {
      description: {
        component:
          "200 assistant messages, each with its own `FeedbackButtons`. However the host renders them, the votes " +
          "arrive in one request: batched `?message_ids=` reads, one `?conversation_id=` read, or none at all after a " +
          "server prefetch.",
      },
    },
  },
} satisfies Meta<typeof Conversation>;

export default meta;
type Story = StoryObj<typeof meta>;

const groups = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole("group", { name: "Rate this response" });
const thumb = (canvasElement: HTMLElement, messageIndex: number, name: "Good response" | "Bad response") =>
  within(groups(canvasElement)[messageIndex]!).getByRole("button", { name });

async function expectStoredVotesShown(canvasElement: HTMLElement) {
  await expect(groups(canvasElement)).toHaveLength(200);
  for (const group of groups(canvasElement)) await expect(group).toHaveAttribute("aria-busy", "false");
  await expect(thumb(canvasElement, 0, "Good response")).toHaveAttribute("aria-pressed", "true");
  await expect(thumb(canvasElement, 7, "Bad response")).toHaveAttribute("aria-pressed", "true");
  await expect(thumb(canvasElement, 1, "Good response")).toHaveAttribute("aria-pressed", "false");
  await expect(thumb(canvasElement, 1, "Bad response")).toHaveAttribute("aria-pressed", "false");
}

const batched = mockFeedbackApi({ votes: VOTES });
/** Buttons without a conversation id: their reads in one task become one `?message_ids=` request. */
export const BatchedReads: Story = {
  ...withApi(batched),
  decorators: [withFeedbackProvider],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(groups(canvasElement).every((group) => group.getAttribute("aria-busy") === "false")).toBe(true), { timeout: 5000 });
    await expectStoredVotesShown(canvasElement);
    const reads = batched.callsTo("GET", "/api/feedback");
    await expect(reads).toHaveLength(1);
    await expect(reads[0]!.query.message_ids!.split(",")).toEqual(MESSAGE_IDS);
    await expect(batched.calls.map((call) => `${call.method} ${call.path}`).sort()).toEqual(["GET /api/feedback", "GET /api/feedback/config"]);
  },
};

const byConversation = mockFeedbackApi({ votes: VOTES, conversations: { [CONVERSATION_ID]: MESSAGE_IDS } });
/** Buttons given the conversation id: one `?conversation_id=` request for all of them. */
export const ConversationRead: Story = {
  ...withApi(byConversation),
  decorators: [withFeedbackProvider],
  args: { conversationId: CONVERSATION_ID },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(groups(canvasElement).every((group) => group.getAttribute("aria-busy") === "false")).toBe(true), { timeout: 5000 });
    await expectStoredVotesShown(canvasElement);
    await expect(byConversation.callsTo("GET", "/api/feedback").map((call) => call.query)).toEqual([{ conversation_id: CONVERSATION_ID }]);
    await expect(byConversation.calls).toHaveLength(2);
  },
};

const prefetched = mockFeedbackApi({ votes: VOTES, conversations: { [CONVERSATION_ID]: MESSAGE_IDS } });
/**
 * What a Next.js page does on the server: prefetch into a QueryClient, dehydrate, and hydrate in the
 * browser. The stored votes are on the first paint and the browser sends no request at all.
 */
export const PrefetchedOnTheServer: Story = {
  ...withApi(prefetched),
  loaders: [
    async () => {
      const server = new QueryClient();
      await prefetchFeedbackConfig(server, async () => DEFAULT_CONFIG);
      await prefetchConversationFeedback(server, CONVERSATION_ID, async () => ({
        items: MESSAGE_IDS.flatMap((id) => prefetched.storedVote(id) ?? []),
      }));
      // Through JSON, as it travels from a server component to the browser.
      return { dehydrated: JSON.parse(JSON.stringify(dehydrate(server))) as DehydratedState };
    },
  ],
  render: (_args, { loaded }) => (
    <FeedbackProvider>
      <HydrationBoundary state={loaded.dehydrated as DehydratedState}>
        <Conversation conversationId={CONVERSATION_ID} />
      </HydrationBoundary>
    </FeedbackProvider>
  ),
  play: async ({ canvasElement }) => {
    // No waiting: the first paint already shows the stored votes.
    await expectStoredVotesShown(canvasElement);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(prefetched.calls).toEqual([]);
  },
};
