import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { MembersManager } from "@/components/admin/members/members-manager";
import { withAdminApi, withAdminProviders } from "./admin-story-kit";
import { CURRENT_ADMIN_ID, mockMembersApi } from "./mock-members-api";

const meta = {
  title: "Admin/MembersManager",
  component: MembersManager,
  decorators: [withAdminProviders],
  args: { currentUserId: CURRENT_ADMIN_ID },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof MembersManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const populated = mockMembersApi();
export const Populated: Story = {
  ...withAdminApi(populated),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByTestId("member-row")).toHaveLength(3));
    const rows = canvas.getAllByTestId("member-row");
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]!.textContent)).toEqual(["ada@acme.testYou", "mo@acme.test", "rey@acme.test"]);
    expect(within(rows[1]!).getByText("Not signed in yet")).toBeVisible();
    expect(canvas.getByRole("combobox", { name: "Role of rey@acme.test" })).toHaveValue("reviewer");
    expect(canvas.getByRole("columnheader", { name: "Joined" })).toBeVisible();
  },
};

const inviting = mockMembersApi();
export const Invite: Story = {
  ...withAdminApi(inviting),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByTestId("member-row");
    await userEvent.type(canvas.getByRole("textbox", { name: "Email" }), "New.Person@Acme.test");
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Role" }), "reviewer");
    await userEvent.click(canvas.getByRole("button", { name: "Add member" }));
    await waitFor(() => expect(canvas.getAllByTestId("member-row")).toHaveLength(4));
    expect(canvas.getByRole("combobox", { name: "Role of new.person@acme.test" })).toHaveValue("reviewer");
    expect(canvas.getByRole("textbox", { name: "Email" })).toHaveValue("");
    expect(inviting.calls.find((call) => call.method === "POST")?.body).toEqual({ email: "New.Person@Acme.test", role: "reviewer" });
  },
};

const duplicate = mockMembersApi();
export const InviteExistingMember: Story = {
  ...withAdminApi(duplicate),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findAllByTestId("member-row");
    const email = canvas.getByRole("textbox", { name: "Email" });
    await userEvent.type(email, "rey@acme.test{Enter}");
    const alert = await canvas.findByRole("alert");
    expect(alert).toHaveTextContent("rey@acme.test is already a member of this organization; change their role instead");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("rey@acme.test is already a member of this organization; change their role instead");
  },
};

const changing = mockMembersApi();
export const ChangeRole: Story = {
  ...withAdminApi(changing),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await canvas.findByRole("combobox", { name: "Role of mo@acme.test" });
    await userEvent.selectOptions(select, "admin");
    await waitFor(() => expect(changing.calls.find((call) => call.method === "PATCH")).toEqual({ method: "PATCH", path: "/api/admin/members/m-mo", body: { role: "admin" } }));
    // The toast says so (sonner animates it in, so presence is what is checked).
    expect(await screen.findByText("mo@acme.test is now admin")).toBeInTheDocument();
  },
};

const lastAdmin = mockMembersApi();
export const LastAdminCannotStepDown: Story = {
  ...withAdminApi(lastAdmin),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await canvas.findByRole("combobox", { name: "Role of ada@acme.test" });
    await userEvent.selectOptions(select, "member");
    expect(await screen.findByText("ada@acme.test is the organization's last admin; make someone else an admin first")).toBeInTheDocument();
    // The list is read again, so the select shows the role the server kept.
    await waitFor(() => expect(canvas.getByRole("combobox", { name: "Role of ada@acme.test" })).toHaveValue("admin"));
  },
};

const removing = mockMembersApi();
export const RemoveAsksFirst: Story = {
  ...withAdminApi(removing),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Remove rey@acme.test" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Remove rey@acme.test?" });
    expect(dialog).toHaveTextContent("They lose access to this organization within 30 seconds");
    expect(removing.calls.some((call) => call.method === "DELETE")).toBe(false);
    await userEvent.click(within(dialog).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(canvas.getAllByTestId("member-row")).toHaveLength(2));
    expect(canvas.queryByText("rey@acme.test")).toBeNull();
  },
};

const empty = mockMembersApi({ members: () => [] });
export const Empty: Story = {
  ...withAdminApi(empty),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No members yet: add someone by email above.")).toBeVisible();
  },
};

const loading = mockMembersApi({ latency: "infinite" });
export const Loading: Story = {
  ...withAdminApi(loading),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent("Loading members…");
  },
};

const failing = mockMembersApi({ failList: 500 });
export const LoadError: Story = {
  ...withAdminApi(failing),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent("The members could not be loaded: Internal server error");
  },
};

const dark = mockMembersApi();
export const Dark: Story = {
  ...withAdminApi(dark),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("table", { name: "Members" })).toBeVisible();
  },
};
