import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { ApiKeysManager } from "@/components/admin/api-keys/api-keys-manager";
import { mockAccessTokenApi, withAccessTokenApi } from "../account/mock-access-token-api";
import { withAdminProviders } from "./admin-story-kit";

const meta = {
  title: "Admin/ApiKeysManager",
  component: ApiKeysManager,
  decorators: [withAdminProviders],
  parameters: { layout: "padded" },
} satisfies Meta<typeof ApiKeysManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const listed = mockAccessTokenApi();
export const List: Story = {
  ...withAccessTokenApi(listed),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "API keys" });
    const [active, revoked] = within(table).getAllByRole("row").slice(1);
    expect(active).toHaveTextContent("conversations:write");
    expect(active).toHaveTextContent("feedback_tokens:mint");
    expect(active).toHaveTextContent("by ada@acme.test");
    expect(revoked).toHaveAttribute("data-state", "revoked");
    expect(within(revoked!).queryByRole("button")).toBeNull();
  },
};

const creating = mockAccessTokenApi();
export const CreateWithScopes: Story = {
  ...withAccessTokenApi(creating),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table");
    await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "dashboard");
    await userEvent.click(canvas.getByRole("checkbox", { name: /^conversations:write/ }));
    // No scope, no key.
    expect(canvas.getByRole("button", { name: "Create API key" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("checkbox", { name: /^feedback:read/ }));
    await userEvent.click(canvas.getByRole("button", { name: "Create API key" }));
    const dialog = await screen.findByRole("dialog", { name: "Copy your new API key" });
    expect((within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement).value).toMatch(/^fk_key_/);
    expect(dialog).toHaveTextContent("Never put it in a browser");
    expect(creating.calls.find((call) => call.method === "POST")?.body).toEqual({ name: "dashboard", scopes: ["feedback:read"] });
    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(canvas.getByRole("row", { name: /dashboard/ })).toHaveTextContent("feedback:read"));
  },
};

const revoking = mockAccessTokenApi();
export const RevokeAsksFirst: Story = {
  ...withAccessTokenApi(revoking),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Revoke production chat backend" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke the API key “production chat backend”?" });
    expect(dialog).toHaveTextContent("This cannot be undone.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    await waitFor(() => expect(canvas.getByRole("row", { name: /production chat backend/ })).toHaveAttribute("data-state", "revoked"));
  },
};

const empty = mockAccessTokenApi({ apiKeys: () => [] });
export const Empty: Story = {
  ...withAccessTokenApi(empty),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/No API keys yet/)).toBeVisible();
  },
};

const loading = mockAccessTokenApi({ latency: "infinite" });
export const Loading: Story = {
  ...withAccessTokenApi(loading),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading API keys");
  },
};

const failing = mockAccessTokenApi({ failLists: 500 });
export const LoadFailed: Story = {
  ...withAccessTokenApi(failing),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent("API keys could not be loaded: Internal server error");
  },
};
