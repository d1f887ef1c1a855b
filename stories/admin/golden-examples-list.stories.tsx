import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { GoldenExamplesList } from "@/components/admin/golden/golden-examples-list";
import { mockAdminApi } from "./mock-admin-api";
import { withAdminApi, withAdminProviders } from "./admin-story-kit";

const meta = {
  title: "Admin/GoldenExamplesList",
  component: GoldenExamplesList,
  decorators: [withAdminProviders],
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof GoldenExamplesList>;

export default meta;
type Story = StoryObj<typeof meta>;

const populated = mockAdminApi();
export const Populated: Story = {
  ...withAdminApi(populated),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByTestId("golden-example-row")).toHaveLength(3));
    expect(canvas.getByRole("link", { name: "Export JSONL" })).toHaveAttribute("href", "/api/feedback/golden-examples/export?format=jsonl");
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Active" }), "false");
    await waitFor(() => expect(canvas.getAllByTestId("golden-example-row")).toHaveLength(1));
    expect(canvas.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/feedback/golden-examples/export?format=csv&is_active=false");
  },
};

const editing = mockAdminApi();
export const EditWithDiff: Story = {
  ...withAdminApi(editing),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Edit: What are the API rate limits?" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit the golden answer" });
    const answer = within(dialog).getByRole("textbox", { name: "Golden answer" });
    await userEvent.type(answer, " Bursts up to 20 are allowed.");
    expect(within(dialog).getByTestId("diff-summary")).toHaveTextContent("6 words added");
  },
};

const deleting = mockAdminApi();
export const DeleteAsksFirst: Story = {
  ...withAdminApi(deleting),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Delete: Is there a free plan?" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete this golden example?" });
    expect(dialog).toHaveTextContent("deactivate it instead");
    expect(deleting.calls.some((call) => call.method === "DELETE")).toBe(false);
  },
};

const empty = mockAdminApi({ goldenExamples: () => [] });
export const Empty: Story = {
  ...withAdminApi(empty),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No golden examples yet: resolve feedback in the queue, or write one with “New golden example”.")).toBeVisible();
  },
};

const loading = mockAdminApi({ latency: "infinite" });
export const Loading: Story = {
  ...withAdminApi(loading),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading golden examples…");
  },
};

const failing = mockAdminApi({ failLists: 500 });
export const LoadError: Story = {
  ...withAdminApi(failing),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent("The golden examples could not be loaded");
  },
};

const writing = mockAdminApi();
export const WriteByHand: Story = {
  ...withAdminApi(writing),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByTestId("golden-example-row")).toHaveLength(3));
    await userEvent.click(canvas.getByRole("button", { name: "New golden example" }));
    const dialog = await screen.findByRole("dialog", { name: "New golden example" });
    const form = within(dialog);

    // Nothing written: the two required fields say so, and nothing is sent.
    await userEvent.click(form.getByRole("button", { name: "Add example" }));
    expect(form.getByRole("textbox", { name: "Question" })).toHaveAccessibleDescription("The question must not be empty.");
    expect(form.getByRole("textbox", { name: "Golden answer" })).toHaveAccessibleDescription("The golden answer must not be empty.");
    expect(writing.calls.some((call) => call.method === "POST")).toBe(false);

    // A turn before the question (the first is the user's, the next the assistant's), left empty first.
    await userEvent.click(form.getByRole("button", { name: "Add a turn" }));
    await userEvent.click(form.getByRole("button", { name: "Add a turn" }));
    expect(form.getByRole("combobox", { name: "Turn 1: role" })).toHaveValue("user");
    expect(form.getByRole("combobox", { name: "Turn 2: role" })).toHaveValue("assistant");
    await userEvent.click(form.getByRole("button", { name: "Remove turn 2" }));
    await userEvent.type(form.getByRole("textbox", { name: "Question" }), "Can I pause my subscription?");
    await userEvent.type(form.getByRole("textbox", { name: "Golden answer" }), "Yes: pause it for up to three months under Billing.");
    await userEvent.click(form.getByRole("button", { name: "Add example" }));
    expect(form.getByRole("textbox", { name: "Turn 1: message" })).toHaveAccessibleDescription("Turn 1 is empty: write it or remove it.");
    expect(writing.calls.some((call) => call.method === "POST")).toBe(false);

    await userEvent.type(form.getByRole("textbox", { name: "Turn 1: message" }), "Hi, I have a billing question.");
    await userEvent.type(form.getByRole("textbox", { name: "Answer it improves on (optional)" }), "No, subscriptions cannot be paused.");
    expect(form.getByTestId("diff-summary")).toBeInTheDocument();
    // Ctrl+Enter in any field adds it.
    await userEvent.type(form.getByRole("textbox", { name: "Golden answer" }), "{Control>}{Enter}{/Control}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(writing.calls.find((call) => call.method === "POST")?.body).toEqual({
      original_query: "Can I pause my subscription?",
      golden_response: "Yes: pause it for up to three months under Billing.",
      original_response: "No, subscriptions cannot be paused.",
      context: [{ role: "user", content: "Hi, I have a billing question." }],
    });
    await waitFor(() => expect(canvas.getAllByTestId("golden-example-row")).toHaveLength(4));
    expect(canvas.getAllByTestId("golden-example-row")[0]).toHaveTextContent("By hand");
    // Opened again, the form is empty.
    await userEvent.click(canvas.getByRole("button", { name: "New golden example" }));
    const again = within(await screen.findByRole("dialog", { name: "New golden example" }));
    expect(again.getByRole("textbox", { name: "Question" })).toHaveValue("");
    expect(again.queryAllByTestId("context-turn")).toHaveLength(0);
  },
};

const refusing = mockAdminApi();
export const WriteByHandRefused: Story = {
  ...withAdminApi(refusing),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "New golden example" }));
    const form = within(await screen.findByRole("dialog", { name: "New golden example" }));
    await userEvent.type(form.getByRole("textbox", { name: "Question" }), "Too long?");
    await userEvent.click(form.getByRole("textbox", { name: "Golden answer" }));
    await userEvent.paste("x".repeat(100_001));
    await userEvent.click(form.getByRole("button", { name: "Add example" }));
    // The server's reason, in words; the dialog stays open with what was written.
    await expect(await form.findByRole("alert")).toHaveTextContent(/^Not added: body\.golden_response: /);
    expect(form.getByRole("textbox", { name: "Question" })).toHaveValue("Too long?");
  },
};
