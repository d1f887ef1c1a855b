import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { SettingsForm } from "@/components/admin/settings/settings-form";
import { SAMPLE_SETTINGS } from "./admin-fixtures";
import { mockAdminApi } from "./mock-admin-api";
import { withAdminApi, withAdminProviders } from "./admin-story-kit";

const meta = {
  title: "Admin/SettingsForm",
  component: SettingsForm,
  decorators: [withAdminProviders],
  args: { initial: SAMPLE_SETTINGS, canEdit: true },
} satisfies Meta<typeof SettingsForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const editable = mockAdminApi();
export const Admin: Story = {
  ...withAdminApi(editable),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("switch", { name: "Auto-approve negative feedback" }));
    await userEvent.click(canvas.getByRole("button", { name: "Add a negative reason" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Label of negative option 5" }), "Too long");
    expect(canvas.getByRole("textbox", { name: "Key of negative option 5" })).toHaveValue("too_long");
    await userEvent.click(canvas.getByRole("button", { name: "Move negative option 5 up" }));
    await userEvent.click(canvas.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("All changes saved"));
    const put = editable.calls.find((call) => call.method === "PUT");
    expect(put?.body).toEqual({
      auto_approve_negative: true,
      reason_options: {
        positive: SAMPLE_SETTINGS.reason_options.positive,
        negative: [...SAMPLE_SETTINGS.reason_options.negative.slice(0, 3), { key: "too_long", label: "Too long" }, SAMPLE_SETTINGS.reason_options.negative[3]],
      },
    });
  },
};

const readOnly = mockAdminApi();
export const ReadOnlyForReviewers: Story = {
  ...withAdminApi(readOnly),
  args: { canEdit: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByText("Only admins can change these settings; you can read them.")).toBeVisible();
    expect(canvas.getByRole("switch", { name: "Feedback is on" })).toBeDisabled();
    expect(canvas.queryByRole("button", { name: "Save settings" })).toBeNull();
  },
};

const invalid = mockAdminApi();
export const ValidationErrorAtTheField: Story = {
  ...withAdminApi(invalid),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Add a positive reason" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Label of positive option 4" }), "Fast");
    const key = canvas.getByRole("textbox", { name: "Key of positive option 4" });
    await userEvent.clear(key);
    await userEvent.type(key, "Not A Key!");
    await userEvent.click(canvas.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(key).toHaveAttribute("aria-invalid", "true"));
    expect(key).toHaveAccessibleDescription("keys are 1-64 characters of a-z, 0-9, _ and -");
  },
};

const origins = mockAdminApi();
export const AllowedOrigins: Story = {
  ...withAdminApi(origins),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByRole("textbox", { name: "Sites that embed the feedback buttons (one origin a line)" });
    expect(field).toHaveValue("https://chat.acme.test");
    await userEvent.type(field, "{enter}https://Help.Acme.test:443/widget");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Line 2 (https://Help.Acme.test:443/widget) must be an origin only (scheme, host and port): no path, query, fragment or user.");
    expect(canvas.getByRole("button", { name: "Save settings" })).toBeDisabled();
    await userEvent.type(field, "{backspace}".repeat("/widget".length) + "{enter}*");
    expect(field).toHaveAccessibleDescription("Line 3 (*) wildcards are not allowed: list each origin.");
    await userEvent.type(field, "{backspace}{enter}http://localhost:3131");
    await userEvent.click(canvas.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("All changes saved"));
    // Stored as browsers send Origin: lower-case host, no default port.
    expect(origins.calls.find((call) => call.method === "PUT")?.body).toEqual({ allowed_origins: ["https://chat.acme.test", "https://help.acme.test", "http://localhost:3131"] });
    expect(field).toHaveValue("https://chat.acme.test\nhttps://help.acme.test\nhttp://localhost:3131");
  },
};
