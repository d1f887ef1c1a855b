import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, within } from "storybook/test";

import { DemoNotice } from "@/components/auth/demo-notice";

const meta = {
  title: "Auth/Demo notice",
  component: DemoNotice,
} satisfies Meta<typeof DemoNotice>;

export default meta;

export const Shown: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const notice = within(canvasElement).getByRole("complementary", { name: "Demo notice" });
    await expect(notice).toHaveTextContent("Demo. The demo sign-in is on: anyone can sign in as any seeded user. Don't enter real data.");
  },
};
