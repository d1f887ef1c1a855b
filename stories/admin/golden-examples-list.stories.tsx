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
    await expect(await within(canvasElement).findByText("No golden examples yet: resolve feedback in the queue to create them.")).toBeVisible();
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
