import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, fn, screen, spyOn, userEvent, within } from "storybook/test";
import { OneTimeSecretDialog } from "@/components/credentials/one-time-secret-dialog";

const SECRET = { kind: "personal access token", name: "reporting script", value: "fk_pat_StorySecretNotReal00000000000000", usage: "Send it as Authorization: Bearer <token>." };

const meta = {
  title: "Account/OneTimeSecretDialog",
  component: OneTimeSecretDialog,
  args: { secret: SECRET, onClose: fn() },
} satisfies Meta<typeof OneTimeSecretDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Copied: Story = {
  beforeEach: () => {
    const writeText = spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    return () => writeText.mockRestore();
  },
  play: async ({ args }) => {
    const dialog = await screen.findByRole("dialog", { name: "Copy your new personal access token" });
    expect(within(dialog).getByRole("textbox", { name: "Secret" })).toHaveValue(SECRET.value);
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy secret" }));
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(SECRET.value);
    expect(await within(dialog).findByRole("button", { name: "Copied" })).toBeVisible();
    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(args.onClose).toHaveBeenCalled();
  },
};

export const CopyRefused: Story = {
  beforeEach: () => {
    const writeText = spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("Denied", "NotAllowedError"));
    return () => writeText.mockRestore();
  },
  play: async () => {
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy secret" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("select the field and copy it yourself");
  },
};
