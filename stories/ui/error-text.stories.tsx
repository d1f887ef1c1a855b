import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, within } from "storybook/test";

import { ErrorText } from "@/components/ui/error-text";

const meta = {
  title: "UI/Error text",
  component: ErrorText,
  args: { children: "Could not reach the sign-in service for Acme SSO. Check your connection and try again." },
} satisfies Meta<typeof ErrorText>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithMessage: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(/^Could not reach the sign-in service/);
  },
};

export const WithoutMessage: Story = {
  args: { children: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("alert")).toBeNull();
  },
};
