import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ConversationList } from "@/components/chat/conversation-list";
import { chatApis, withChatProviders } from "./chat-story-kit";
import { storyConversation } from "./mock-chat-api";

const conversations = [
  storyConversation("c-1", "Refund for a duplicate charge", [["How do I get a refund?", "Billing → Invoices → Request refund."]]),
  storyConversation("c-2", null, [["Can I get my invoices in euros?"]]),
  storyConversation("c-3", "Setting up single sign-on", []),
];

const meta = {
  title: "Chat/Conversation list",
  component: ConversationList,
  decorators: [
    withChatProviders,
    (Story) => (
      <nav aria-label="Your conversations" className="w-72 rounded-lg border border-border p-2">
        <Story />
      </nav>
    ),
  ],
  parameters: { nextjs: { appDirectory: true, navigation: { pathname: "/chat/c-2" } } },
} satisfies Meta<typeof ConversationList>;

export default meta;
type Story = StoryObj<typeof meta>;

const listApis = chatApis({ conversations });
/** Title (or the first question), last activity and the last message's beginning; the open one is marked current. */
export const Conversations: Story = {
  ...listApis.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const links = await canvas.findAllByRole("link");
    await expect(links.map((link) => link.getAttribute("href"))).toEqual(["/chat/c-1", "/chat/c-2", "/chat/c-3"]);
    await expect(links[1]).toHaveAttribute("aria-current", "page");
    await expect(links[0]).not.toHaveAttribute("aria-current");
    await expect(links[1]).toHaveTextContent("Can I get my invoices in euros?");
    await expect(links[1]).toHaveTextContent("You: Can I get my invoices in euros?");
    await expect(links[2]).toHaveTextContent("No messages yet");
  },
};

const emptyApis = chatApis();
export const Empty: Story = {
  ...emptyApis.story,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No conversations yet. Ask something to start one.")).toBeVisible();
  },
};

const loadingApis = chatApis({ conversations, listLatency: "infinite" });
export const Loading: Story = {
  ...loadingApis.story,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading conversations…")).toHaveAttribute("aria-busy", "true");
  },
};

const failingApis = chatApis({ conversations, failLists: 1 });
/** The list cannot be read: an alert with Try again, which reads it. */
export const LoadError: Story = {
  ...failingApis.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Your conversations could not be loaded.");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(canvas.getAllByRole("link")).toHaveLength(3));
  },
};

const pagedApis = chatApis({ conversations, pageSize: 2 });
/** More than a page: older conversations come on request. */
export const OlderPages: Story = {
  ...pagedApis.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole("link")).toHaveLength(2));
    await userEvent.click(canvas.getByRole("button", { name: "Show older conversations" }));
    await waitFor(() => expect(canvas.getAllByRole("link")).toHaveLength(3));
    await expect(canvas.queryByRole("button", { name: "Show older conversations" })).toBeNull();
  },
};
