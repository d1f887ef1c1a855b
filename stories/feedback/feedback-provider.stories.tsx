import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { FeedbackButtons, FeedbackProvider, type FeedbackProviderProps } from "@/components/feedback";
import { mockFeedbackApi } from "./mock-feedback-api";
import { AssistantMessage, withApi } from "./story-kit";

const USAGE = `
Supplies the API client, the TanStack Query client, texts and icons to every \`FeedbackButtons\` and
feedback hook below it. Put it once around the chat.

**Same origin** (this app, or a host behind the same domain): nothing to configure; the session
cookie authenticates.

\`\`\`tsx
<FeedbackProvider>{chat}</FeedbackProvider>
\`\`\`

**Another origin**: point \`apiBaseUrl\` at the Feedback Kit app and return a bearer token from
\`getToken\` — a personal access token, or a short-lived feedback token your backend mints for the
signed-in user. The token is cached, refreshed shortly before it expires (a JWT's \`exp\` is read, or
return \`{ token, expiresAt }\`, or the mint endpoint's \`{ token, expires_at, expires_in }\` as it is)
and asked for again after a 401, once for all the requests that got it.

\`\`\`tsx
<FeedbackProvider
  apiBaseUrl="https://feedback.example.com"
  getToken={async () => (await fetch("/api/feedback-token", { method: "POST" })).json()}
>
  {chat}
</FeedbackProvider>
\`\`\`

Already using TanStack Query? The kit shares the surrounding \`QueryClientProvider\`'s client, or
pass \`queryClient\`. \`headers\` adds headers to every call; \`fetch\` replaces fetch.
`;

function Chat() {
  return (
    <AssistantMessage text="Your order ships within two working days; you'll get a tracking link by email.">
      <FeedbackButtons messageId="m-1" />
    </AssistantMessage>
  );
}

const meta = {
  title: "Feedback/FeedbackProvider",
  component: FeedbackProvider,
  tags: ["autodocs"],
  args: { children: null },
  render: (args: FeedbackProviderProps) => (
    <FeedbackProvider {...args}>
      <Chat />
    </FeedbackProvider>
  ),
  parameters: { docs: { description: { component: USAGE } } },
} satisfies Meta<typeof FeedbackProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Clicks the thumbs up once the buttons are ready, and waits until the vote is saved. */
async function voteUp(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const up = canvas.getByRole("button", { name: "Good response" });
  await waitFor(() => expect(up).toBeEnabled());
  await userEvent.click(up);
  await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Feedback saved"));
}

const sameOrigin = mockFeedbackApi();
export const SameOrigin: Story = {
  ...withApi(sameOrigin),
  play: async ({ canvasElement }) => {
    await voteUp(canvasElement);
    // The page's own origin, and no Authorization header: the session cookie authenticates.
    for (const call of sameOrigin.calls) {
      await expect(call.origin).toBe(window.location.origin);
      await expect(call.authorization).toBeNull();
    }
  },
};

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
/** A feedback token as a host backend would mint it (unsigned here: the kit only reads `exp`). */
const feedbackToken = (serial: number) =>
  `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url({ sub: "user-story", n: serial, exp: Math.floor(Date.now() / 1000) + 600 })}.sig`;

const issuedTokens: string[] = [];
const getToken = async () => {
  issuedTokens.push(feedbackToken(issuedTokens.length + 1));
  return issuedTokens.at(-1)!;
};

const otherOrigin = mockFeedbackApi();
export const OtherOriginWithToken: Story = {
  parameters: withApi(otherOrigin).parameters,
  beforeEach: () => {
    otherOrigin.reset();
    issuedTokens.length = 0;
  },
  args: { apiBaseUrl: "https://feedback.example.com", getToken },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const down = canvas.getByRole("button", { name: "Bad response" });
    await waitFor(() => expect(down).toBeEnabled());
    await userEvent.click(down);
    await waitFor(() => expect(otherOrigin.callsTo("POST", "/api/feedback")).toHaveLength(1));
    // Every call went to the configured origin with the one (cached) token.
    await expect(new Set(otherOrigin.calls.map((call) => call.origin))).toEqual(new Set(["https://feedback.example.com"]));
    await expect(issuedTokens).toHaveLength(1);
    await expect(new Set(otherOrigin.calls.map((call) => call.authorization))).toEqual(new Set([`Bearer ${issuedTokens[0]}`]));
    await expect(otherOrigin.calls).toHaveLength(3);
  },
};

/** A host backend passing the mint endpoint's answer through; its first token has expired already. */
const mintedTokens: string[] = [];
const mintFeedbackToken = async () => {
  const token = mintedTokens.length === 0 ? "fbt_expired" : `fbt_${mintedTokens.length + 1}`;
  mintedTokens.push(token);
  return { token, token_type: "Bearer", expires_at: new Date(Date.now() + 900_000).toISOString(), expires_in: 900 };
};

const expiredToken = mockFeedbackApi({ rejectedTokens: ["fbt_expired"] });
export const TokenRefreshedAfter401: Story = {
  parameters: withApi(expiredToken).parameters,
  beforeEach: () => {
    expiredToken.reset();
    mintedTokens.length = 0;
  },
  args: { apiBaseUrl: "https://feedback.example.com", getToken: mintFeedbackToken },
  play: async ({ canvasElement }) => {
    await voteUp(canvasElement);
    // The reads that got 401 together caused one refresh; each was retried once with the new token.
    await expect(mintedTokens).toEqual(["fbt_expired", "fbt_2"]);
    const rejected = expiredToken.calls.filter((call) => call.authorization === "Bearer fbt_expired");
    await expect(rejected.length).toBeGreaterThan(0);
    await expect(rejected.every((call) => call.method === "GET")).toBe(true);
    await expect(expiredToken.callsTo("POST", "/api/feedback").map((call) => call.authorization)).toEqual(["Bearer fbt_2"]);
  },
};
