import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, fn, userEvent, within } from "storybook/test";

import { Button } from "@/components/ui/button";

// Computed values of the design tokens in app/globals.css.
const LIGHT_PRIMARY_BG = "rgb(29, 78, 216)"; // #1d4ed8
const DARK_PRIMARY_BG = "rgb(96, 165, 250)"; // #60a5fa

const meta = {
  title: "UI/Button",
  component: Button,
  args: {
    children: "Save changes",
    onClick: fn(),
  },
  argTypes: {
    variant: { control: "inline-radio", options: ["primary", "secondary", "ghost"] },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  args: { variant: "primary" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Save changes" });

    await expect(button).toHaveAttribute("type", "button");
    await expect(getComputedStyle(button).backgroundColor).toBe(LIGHT_PRIMARY_BG);

    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};

export const Secondary: Story = {
  args: { variant: "secondary" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Save changes" });

    await expect(getComputedStyle(button).borderTopWidth).toBe("1px");

    // Keyboard activation goes through the same handler as a click.
    button.focus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    await expect(args.onClick).toHaveBeenCalledTimes(2);
  },
};

export const Ghost: Story = {
  args: { variant: "ghost" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Save changes" });

    // Reachable with Tab, and the focus ring is shown for keyboard focus.
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await expect(button.matches(":focus-visible")).toBe(true);
    await expect(getComputedStyle(button).outlineStyle).toBe("solid");
    await expect(getComputedStyle(button).outlineWidth).toBe("2px");

    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Save changes" });

    await expect(button).toBeDisabled();

    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();

    // Not focusable, so Tab skips it.
    await userEvent.tab();
    await expect(button).not.toHaveFocus();
  },
};

export const DarkMode: Story = {
  globals: { theme: "dark" },
  args: { variant: "primary" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Save changes" });

    await expect(button.closest(".dark")).not.toBeNull();
    await expect(getComputedStyle(button).backgroundColor).toBe(DARK_PRIMARY_BG);

    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
  },
};
