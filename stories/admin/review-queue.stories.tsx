import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { ReviewQueue } from "@/components/admin/queue/review-queue";
import { mockAdminApi } from "./mock-admin-api";
import { eventually, withAdminApi, withAdminProviders } from "./admin-story-kit";

const USAGE = `
The review queue: status counts, filters in the URL, a table, the open item's conversation, and review
actions from the keyboard (press \`?\` for the cheat sheet). Every action waits a few seconds before it
is sent, so \`z\` (or the toast's *Undo*) takes it back without anyone else ever seeing it.
`;

const meta = {
  title: "Admin/ReviewQueue",
  component: ReviewQueue,
  decorators: [withAdminProviders],
  // A short undo window keeps the stories quick; the app waits five seconds.
  args: { undoWindowMs: 300 },
  parameters: { layout: "fullscreen", docs: { description: { component: USAGE } } },
} satisfies Meta<typeof ReviewQueue>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => within(within(canvasElement).getByRole("table", { name: "Feedback queue" })).getAllByRole("row").slice(1);
const loaded = (canvasElement: HTMLElement) => waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0));

const populated = mockAdminApi();
export const Populated: Story = {
  ...withAdminApi(populated),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    expect(rows(canvasElement)).toHaveLength(4);
    await waitFor(() => expect(canvas.getByRole("button", { name: /Pending\s*4/ })).toHaveAttribute("aria-pressed", "true"));
    // The reason keys show the organization's labels.
    expect(canvas.getByRole("cell", { name: /Outdated · That price is from last year/ })).toBeVisible();
  },
};

const loading = mockAdminApi({ latency: "infinite" });
export const Loading: Story = {
  ...withAdminApi(loading),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading the queue…");
  },
};

const empty = mockAdminApi({ queue: () => [] });
export const Empty: Story = {
  ...withAdminApi(empty),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Nothing is waiting for review. All caught up!")).toBeVisible();
  },
};

const failing = mockAdminApi({ failLists: 500 });
export const LoadError: Story = {
  ...withAdminApi(failing),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert");
    expect(alert).toHaveTextContent("The queue could not be loaded: Internal server error");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

const selecting = mockAdminApi();
export const Selection: Story = {
  ...withAdminApi(selecting),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /How much does the Team plan/ }));
    await userEvent.keyboard("x");
    await userEvent.keyboard("j");
    await userEvent.keyboard("x");
    await waitFor(() => expect(canvas.getByRole("region", { name: "Selection" })).toHaveTextContent("2 selected"));
    expect(canvas.getByRole("checkbox", { name: /Select “How much does the Team plan/ })).toBeChecked();
    expect(canvas.getByRole("checkbox", { name: /Select “How do I export/ })).toBeChecked();
  },
};

const bulk = mockAdminApi();
export const BulkWithFailures: Story = {
  ...withAdminApi(bulk),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await userEvent.click(canvas.getByRole("checkbox", { name: "Select every item on this page" }));
    await eventually(() => canvasElement.textContent?.includes("4 selected") === true);
    expect(canvas.getByRole("region", { name: "Selection" })).toHaveTextContent("4 selected");
    await userEvent.keyboard("{Shift>}a{/Shift}");
    // Bulk resolve takes positive feedback only: the API says why each negative one was not changed.
    await eventually(() => canvasElement.querySelector('[role="alert"]') !== null);
    const report = canvasElement.querySelector('[role="alert"]');
    // When it fails, say what was sent and what the page ends with (the toasts).
    expect(report, `requests: ${bulk.calls.map((call) => `${call.method} ${call.path}`).join(", ")}; page ends: ${document.body.textContent?.slice(-300)}`).not.toBeNull();
    expect(report).toHaveTextContent("2 resolved, 2 not changed");
    expect(report).toHaveTextContent("Resolving negative feedback needs the corrected answer");
  },
};

const cheatSheet = mockAdminApi();
export const CheatSheetOpen: Story = {
  ...withAdminApi(cheatSheet),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await userEvent.keyboard("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(dialog).getByText("Resolve the selection")).toBeVisible();
    expect(within(dialog).getByText("Undo the last action (while it waits to be sent)")).toBeVisible();
  },
};

const editing = mockAdminApi();
export const CorrectionEditorWithDiff: Story = {
  ...withAdminApi(editing, { searchParams: "?item=fb-pricing" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    // The whole conversation is in the pane, the rated answer marked.
    await canvas.findByText("Hi! We are a team of twelve.");
    expect(canvas.getByText("Assistant — the rated answer")).toBeVisible();
    await userEvent.keyboard("e");
    const editor = await canvas.findByRole("textbox", { name: "Corrected answer" });
    await waitFor(() => expect(editor).toHaveFocus());
    expect(editor).toHaveValue("The Team plan is $8 per seat per month, billed annually.");
    await userEvent.clear(editor);
    await userEvent.type(editor, "The Team plan is $10 per seat per month, billed annually.");
    expect(canvas.getByTestId("diff-summary")).toHaveTextContent("1 word added, 1 word removed");
    expect(canvasElement.querySelector("ins")).toHaveTextContent("[added: 10]");
    expect(canvasElement.querySelector("del")).toHaveTextContent("[removed: 8]");
  },
};

const drafting = mockAdminApi({ draft: { text: "The Team plan is $10 per seat per month, billed annually." } });
export const CorrectionDraftedWithAi: Story = {
  ...withAdminApi(drafting, { searchParams: "?item=fb-pricing" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await canvas.findByText("Hi! We are a team of twelve.");
    await userEvent.keyboard("e");
    const editor = await canvas.findByRole("textbox", { name: "Corrected answer" });
    await userEvent.click(canvas.getByRole("button", { name: "Draft with AI" }));
    await waitFor(() => expect(editor).toHaveValue("The Team plan is $10 per seat per month, billed annually."));
    expect(drafting.calls).toContainEqual({ method: "POST", path: "/api/feedback/admin/fb-pricing/generate-response" });
    // A draft is a starting point: nothing is sent until the reviewer resolves.
    expect(drafting.calls.some((call) => call.path.endsWith("/resolve"))).toBe(false);
    expect(canvas.getByTestId("diff-summary")).toHaveTextContent("1 word added, 1 word removed");
  },
};

const failingDraft = mockAdminApi({ draft: { error: "The assistant service answered 503" } });
export const CorrectionDraftFailed: Story = {
  ...withAdminApi(failingDraft, { searchParams: "?item=fb-pricing" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await canvas.findByText("Hi! We are a team of twelve.");
    await userEvent.keyboard("e");
    const editor = await canvas.findByRole("textbox", { name: "Corrected answer" });
    await userEvent.click(canvas.getByRole("button", { name: "Draft with AI" }));
    await eventually(() => canvasElement.textContent?.includes("Draft with AI failed: The assistant service answered 503") === true);
    // The reviewer's text is left as it was.
    expect(editor).toHaveValue("The Team plan is $8 per seat per month, billed annually.");
  },
};

const undoing = mockAdminApi();
export const UndoWindow: Story = {
  ...withAdminApi(undoing, { searchParams: "?item=fb-export" }),
  args: { undoWindowMs: 60_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await canvas.findByRole("heading", { name: "Feedback from omar@acme.test" });
    await userEvent.keyboard("a");
    await eventually(() => canvasElement.textContent?.includes("→ Reviewed") === true);
    expect(canvasElement.textContent).toContain("→ Reviewed (undo with z)");
    await userEvent.keyboard("z");
    await eventually(() => document.body.textContent?.includes("Undone: resolved") === true);
    expect(document.body.textContent).toContain("Undone: resolved “How do I export all my projects?”");
    expect(canvasElement.textContent).not.toContain("→ Reviewed");
    // Nothing was sent: an undone action never reaches the server.
    expect(undoing.calls.filter((call) => call.method === "POST")).toEqual([]);
  },
};

const conflicting = mockAdminApi({ changedByOthers: ["fb-export"] });
export const ConflictFromAnotherReviewer: Story = {
  ...withAdminApi(conflicting, { searchParams: "?status=all&item=fb-export" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await loaded(canvasElement);
    await canvas.findByRole("heading", { name: "Feedback from omar@acme.test" });
    await userEvent.click(canvas.getByRole("button", { name: /^Resolve/ }));
    // Another reviewer dismissed it meanwhile: the answer is a 409, shown in words on the item.
    await eventually(() => document.body.textContent?.includes(": not saved") === true);
    await userEvent.keyboard("k");
    await eventually(() => canvasElement.querySelector('[role="alert"]') !== null);
    const alert = canvasElement.querySelector('[role="alert"]');
    expect(alert).toHaveTextContent("Not saved: someone else changed this item");
    expect(alert).toHaveTextContent("it is dismissed (by sam@acme.test");
  },
};
