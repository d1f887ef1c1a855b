import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, within } from "storybook/test";

import { ProviderSignInButtons } from "@/components/auth/provider-sign-in-buttons";

// Render-only: a click would call next-auth's signIn(), which needs the app's /api/auth
// (the OpenID Connect end-to-end test clicks them: e2e/oidc-sign-in.spec.ts).

const PROVIDERS = [
  { id: "oidc", name: "Acme SSO" },
  { id: "github", name: "GitHub" },
];

const meta = {
  title: "Auth/Provider sign-in buttons",
  component: ProviderSignInButtons,
  args: { providers: PROVIDERS, callbackUrl: "/" },
} satisfies Meta<typeof ProviderSignInButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignIn: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const buttons = canvas.getAllByRole("button");
    await expect(buttons.map((button) => button.textContent)).toEqual(["Continue with Acme SSO", "Continue with GitHub"]);
    for (const button of buttons) await expect(button).toBeEnabled();
    buttons[0]!.focus();
    await expect(buttons[0]).toHaveFocus();
  },
};

export const SwitchAccount: Story = {
  args: { purpose: "switch-account", providers: PROVIDERS.slice(0, 1) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Sign in with another Acme SSO account" })).toBeEnabled();
  },
};
