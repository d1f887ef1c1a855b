import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { PersonalAccessTokens } from "@/components/account/personal-access-tokens";
import { withAdminProviders } from "../admin/admin-story-kit";
import { mockAccessTokenApi, withAccessTokenApi } from "./mock-access-token-api";

const meta = {
  title: "Account/PersonalAccessTokens",
  component: PersonalAccessTokens,
  decorators: [withAdminProviders],
  parameters: { layout: "padded" },
} satisfies Meta<typeof PersonalAccessTokens>;

export default meta;
type Story = StoryObj<typeof meta>;

const listed = mockAccessTokenApi();
export const List: Story = {
  ...withAccessTokenApi(listed),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Your personal access tokens" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.getAttribute("data-state"))).toEqual(["active", "expired", "revoked"]);
    expect(rows[0]).toHaveTextContent("fk_pat_Q3xk9a…");
    expect(rows[0]).toHaveTextContent("Dec 1, 2026, 7:41 AM UTC");
    expect(rows[2]).toHaveTextContent("Never");
    // Only a token that still works can be revoked.
    expect(within(table).getAllByRole("button", { name: /^Revoke/ })).toHaveLength(1);
  },
};

const creating = mockAccessTokenApi();
export const CreateShowsTheSecretOnce: Story = {
  ...withAccessTokenApi(creating),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table");
    await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "nightly export");
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Expires" }), "never");
    await userEvent.click(canvas.getByRole("button", { name: "Create token" }));
    const dialog = await screen.findByRole("dialog", { name: "Copy your new personal access token" });
    const secret = within(dialog).getByRole("textbox", { name: "Secret" });
    expect((secret as HTMLInputElement).value).toMatch(/^fk_pat_/);
    expect(dialog).toHaveTextContent("This is the only time it is shown");
    expect(creating.calls.find((call) => call.method === "POST")?.body).toEqual({ name: "nightly export", expires_in_days: null });
    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(canvas.getByRole("row", { name: /nightly export/ })).toHaveTextContent("Active"));
    expect(canvas.getByRole("textbox", { name: "Name" })).toHaveValue("");
  },
};

const revoking = mockAccessTokenApi();
export const RevokeAsksFirst: Story = {
  ...withAccessTokenApi(revoking),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Revoke reporting script" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke the token “reporting script”?" });
    expect(dialog).toHaveTextContent("get 401 from their next request on");
    expect(revoking.calls.some((call) => call.method === "DELETE")).toBe(false);
    await userEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(canvas.getByRole("row", { name: /reporting script/ })).toHaveAttribute("data-state", "revoked"));
    expect(revoking.calls.filter((call) => call.method === "DELETE").map((call) => call.path)).toEqual(["/api/account/tokens/pat-3"]);
  },
};

const empty = mockAccessTokenApi({ tokens: () => [] });
export const Empty: Story = {
  ...withAccessTokenApi(empty),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No tokens yet. Create one for a script or an app that calls the API as you.")).toBeVisible();
  },
};

const loading = mockAccessTokenApi({ latency: "infinite" });
export const Loading: Story = {
  ...withAccessTokenApi(loading),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading your tokens");
  },
};

const failing = mockAccessTokenApi({ failLists: 500 });
export const LoadFailed: Story = {
  ...withAccessTokenApi(failing),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert");
    expect(alert).toHaveTextContent("Your personal access tokens could not be loaded: Internal server error");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};
