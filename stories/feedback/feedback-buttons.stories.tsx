import { useEffect, useState } from "react";
import type { Meta, StoryObj } from "@storybook/nextjs-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { FeedbackButtons, type FeedbackButtonsProps } from "@/components/feedback";
import { feedbackLabelsDe, reasonLabelsDe } from "@/components/feedback/locales/de";
import { mockFeedbackApi } from "./mock-feedback-api";
import { AssistantMessage, kit, withApi, withFeedbackProvider } from "./story-kit";

const ANSWER = "To reset your password, open Settings → Security and choose “Reset password”. A link valid for 30 minutes is emailed to you.";

const USAGE = `
Thumbs up / down under one assistant message. A click **saves the vote at once**; thumbs down (and any
type whose reason the organization requires) then opens a reason prompt. Clicking the chosen thumb
again withdraws the vote, the other thumb switches it. Needs a \`FeedbackProvider\` above it.

\`\`\`tsx
import { FeedbackButtons, FeedbackProvider } from "@/components/feedback";

<FeedbackProvider>
  {messages.map((message) => (
    <article key={message.id}>
      <Markdown>{message.content}</Markdown>
      <FeedbackButtons
        messageId={message.serverId}      // undefined until the server assigned one
        conversationId={conversation.id}  // one request for the whole chat
        streaming={message.isStreaming}
        empty={!message.content}
      />
    </article>
  ))}
</FeedbackProvider>
\`\`\`

Without \`conversationId\`, buttons rendered in the same task share one \`GET /api/feedback?message_ids=…\`.
Texts, icons and reason labels come from the provider (see *Custom labels*); colours from the design
tokens (\`--color-positive\`, \`--color-negative\`, \`--color-primary\`, \`--color-muted\`, \`--color-ring\` …).
`;

const meta = {
  title: "Feedback/FeedbackButtons",
  component: FeedbackButtons,
  tags: ["autodocs"],
  decorators: [withFeedbackProvider],
  args: { messageId: "m-1", streaming: false, empty: false, disabled: false },
  argTypes: { messageId: { control: "text" }, conversationId: { control: "text" }, className: { control: "text" } },
  render: (args) => (
    <AssistantMessage text={ANSWER}>
      <FeedbackButtons {...args} />
    </AssistantMessage>
  ),
  parameters: { docs: { description: { component: USAGE } } },
} satisfies Meta<typeof FeedbackButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

const idle = mockFeedbackApi();
export const Idle: Story = {
  ...withApi(idle),
  play: async ({ canvasElement }) => {
    const { up, down, loaded } = kit(canvasElement);
    await loaded();
    for (const thumb of [up(), down()]) {
      await expect(thumb.tagName).toBe("BUTTON");
      await expect(thumb).toHaveAttribute("aria-pressed", "false");
      await expect(thumb).toBeEnabled();
      await expect(thumb).toBeVisible();
      const box = thumb.getBoundingClientRect();
      await expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
    // Both thumbs are reachable with Tab, with a visible focus ring.
    await userEvent.tab();
    await expect(up()).toHaveFocus();
    await expect(getComputedStyle(up()).outlineStyle).toBe("solid");
    await userEvent.tab();
    await expect(down()).toHaveFocus();
    // One read for the vote, one for the settings.
    await expect(idle.callsTo("GET", "/api/feedback").map((call) => call.query)).toEqual([{ message_ids: "m-1" }]);
    await expect(idle.callsTo("GET", "/api/feedback/config")).toHaveLength(1);
  },
};

const loading = mockFeedbackApi({ readLatency: "infinite" });
export const Loading: Story = {
  ...withApi(loading),
  play: async ({ canvasElement }) => {
    const { up, down, group } = kit(canvasElement);
    await waitFor(() => expect(loading.calls).toHaveLength(2));
    await expect(group()).toHaveAttribute("aria-busy", "true");
    // Neutral and disabled until the stored vote is known: never a flash of the wrong state.
    for (const thumb of [up(), down()]) {
      await expect(thumb).toBeDisabled();
      await expect(thumb).toHaveAttribute("aria-pressed", "false");
    }
  },
};

const loadError = mockFeedbackApi({ failReads: [500], votes: [{ message_id: "m-1", feedback_type: "positive" }] });
/** The stored vote could not be read: the thumbs stay neutral and disabled (never a wrong state) until a retry works. */
export const LoadError: Story = {
  ...withApi(loadError),
  play: async ({ canvasElement }) => {
    const { up, canvas } = kit(canvasElement);
    const message = "Your earlier feedback could not be loaded.";
    await expect(await canvas.findByText(message)).toBeVisible();
    await expect(up()).toBeDisabled();
    await expect(up()).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(up()).toHaveAttribute("aria-pressed", "true"));
    await expect(up()).toBeEnabled();
    await expect(canvas.queryByText(message)).toBeNull();
    await expect(loadError.callsTo("GET", "/api/feedback")).toHaveLength(2);
  },
};

const positive = mockFeedbackApi({ votes: [{ message_id: "m-1", feedback_type: "positive" }] });
export const ExistingPositive: Story = {
  ...withApi(positive),
  play: async ({ canvasElement }) => {
    const { up, down, canvas, loaded } = kit(canvasElement);
    await loaded();
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await expect(down()).toHaveAttribute("aria-pressed", "false");
    // Chosen is more than a colour: the icon is filled.
    await expect(up().querySelector("svg")).toHaveClass("fill-current");
    await expect(canvas.getByRole("button", { name: "Add a reason" })).toBeVisible();
  },
};

const negative = mockFeedbackApi({
  votes: [{ message_id: "m-1", feedback_type: "negative", reason: "Missed the 2026 changes", reason_keys: ["incorrect"] }],
});
export const ExistingNegative: Story = {
  ...withApi(negative),
  play: async ({ canvasElement }) => {
    const { down, canvas, loaded } = kit(canvasElement);
    await loaded();
    await expect(down()).toHaveAttribute("aria-pressed", "true");

    // The stored reason can be reopened and edited.
    await userEvent.click(canvas.getByRole("button", { name: "Edit reason" }));
    const dialog = within(canvas.getByRole("dialog", { name: "What went wrong?" }));
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveAttribute("aria-pressed", "true");
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveFocus();
    await expect(dialog.getByRole("textbox", { name: "Note" })).toHaveValue("Missed the 2026 changes");
    await expect(dialog.getByText("23 / 1000")).toBeVisible();

    await userEvent.click(dialog.getByRole("button", { name: "Skip" }));
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(down()).toHaveFocus();
    await expect(negative.callsTo("POST", "/api/feedback")).toHaveLength(0);
  },
};

const submitting = mockFeedbackApi({ writeLatency: "infinite" });
export const Submitting: Story = {
  ...withApi(submitting),
  play: async ({ canvasElement }) => {
    const { up, group, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(up());
    // Optimistic: shown as chosen while the request is on its way.
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await expect(group()).toHaveAttribute("aria-busy", "true");
    await waitFor(() => expect(submitting.callsTo("POST", "/api/feedback").map((call) => call.body)).toEqual([{ message_id: "m-1", feedback_type: "positive" }]));
  },
};

const failing = mockFeedbackApi({ failWrites: [500] });
export const ErrorThenRetry: Story = {
  ...withApi(failing),
  play: async ({ canvasElement }) => {
    const { up, canvas, status, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(up());
    const message = "Your feedback could not be saved.";
    await expect(await canvas.findByText(message, { selector: "[data-slot=feedback-error] > span" })).toBeVisible();
    // Rolled back, announced, and recoverable.
    await expect(up()).toHaveAttribute("aria-pressed", "false");
    await expect(status()).toHaveTextContent(message);
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(status()).toHaveTextContent("Feedback saved"));
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await expect(canvas.queryByText(message, { selector: "[data-slot=feedback-error] > span" })).toBeNull();
    await expect(failing.callsTo("POST", "/api/feedback")).toHaveLength(2);
    await expect(failing.storedVote("m-1")?.feedback_type).toBe("positive");
  },
};

const offline = mockFeedbackApi({ failWrites: [0, 0, 0] });
/** The network is gone: the vote is rolled back and the error stays, with a retry, until it works. */
export const Offline: Story = {
  ...withApi(offline),
  play: async ({ canvasElement }) => {
    const { up, down, canvas, status, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(up());
    const message = "You seem to be offline: your feedback was not saved.";
    await expect(await canvas.findByText(message, { selector: "[data-slot=feedback-error] > span" })).toBeVisible();
    await expect(up()).toHaveAttribute("aria-pressed", "false");
    await expect(status()).toHaveTextContent(message);
    // Retrying while still offline fails the same way and keeps the retry.
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(offline.callsTo("POST", "/api/feedback")).toHaveLength(2));
    await expect(await canvas.findByRole("button", { name: "Retry" })).toBeVisible();

    // Thumbs down offline: the open prompt shows the failure and no longer claims the vote is saved.
    await userEvent.click(down());
    const dialog = canvas.getByRole("dialog", { name: "What went wrong?" });
    await expect(await within(dialog).findByText(message)).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription("Your rating is not saved yet. Send it, with a reason if you like.");
    await expect(down()).toHaveAttribute("aria-pressed", "false");
    await expect(within(dialog).getByRole("button", { name: "Retry" })).toBeEnabled();
    // Skipping the prompt does not hide that the vote is not saved.
    await userEvent.click(within(dialog).getByRole("button", { name: "Skip" }));
    await expect(down()).toHaveFocus();
    await expect(canvas.getByText(message, { selector: "[data-slot=feedback-error] > span" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

const required = mockFeedbackApi({ config: { reason_required: { positive: false, negative: true } } });
export const ReasonRequired: Story = {
  ...withApi(required),
  play: async ({ canvasElement }) => {
    const { down, canvas, status, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(down());
    const dialog = within(canvas.getByRole("dialog", { name: "What went wrong?" }));
    // The prompt says why; nothing is sent and nothing is shown as chosen until there is a reason.
    await expect(canvas.getByRole("dialog")).toHaveAccessibleDescription(
      "A reason is required for this rating: pick one or write a note, then send.",
    );
    await expect(down()).toHaveAttribute("aria-pressed", "false");
    await expect(dialog.getByRole("button", { name: "Send" })).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveFocus();
    await expect(required.callsTo("POST", "/api/feedback")).toHaveLength(0);

    await userEvent.click(dialog.getByRole("button", { name: "Outdated" }));
    await userEvent.type(dialog.getByRole("textbox", { name: "Note" }), "Refers to the old settings page");
    await userEvent.click(dialog.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(status()).toHaveTextContent("Feedback saved"));
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(down()).toHaveAttribute("aria-pressed", "true");
    await expect(down()).toHaveFocus();
    await expect(required.callsTo("POST", "/api/feedback").map((call) => call.body)).toEqual([
      { message_id: "m-1", feedback_type: "negative", reason: "Refers to the old settings page", reason_keys: ["outdated"] },
    ]);
  },
};

const keptDraft = mockFeedbackApi({ config: { reason_required: { positive: false, negative: true } }, failWrites: [503] });
/** A failed send inside the reason prompt: the error shows there and what the user typed stays. */
export const PromptErrorKeepsDraft: Story = {
  ...withApi(keptDraft),
  play: async ({ canvasElement }) => {
    const { down, canvas, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(down());
    const dialog = within(canvas.getByRole("dialog", { name: "What went wrong?" }));
    await userEvent.click(dialog.getByRole("button", { name: "Incorrect" }));
    await userEvent.type(dialog.getByRole("textbox", { name: "Note" }), "The limit is 60 minutes now");
    await userEvent.click(dialog.getByRole("button", { name: "Send" }));
    await expect(await dialog.findByText("Your feedback could not be saved.")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveAttribute("aria-pressed", "true");
    await expect(dialog.getByRole("textbox", { name: "Note" })).toHaveValue("The limit is 60 minutes now");
    await expect(dialog.getByRole("button", { name: "Retry" })).toHaveAccessibleDescription("Your feedback could not be saved.");
    await expect(down()).toHaveAttribute("aria-pressed", "false");
  },
};

const prompt = mockFeedbackApi();
export const ReasonPromptOpen: Story = {
  ...withApi(prompt),
  play: async ({ canvasElement }) => {
    const { down, canvas, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.click(down());
    // Saved first, asked second: the vote stands before any reason is given.
    await expect(down()).toHaveAttribute("aria-pressed", "true");
    const dialog = within(canvas.getByRole("dialog", { name: "What went wrong?" }));
    await expect(canvas.getByRole("dialog")).toHaveAccessibleDescription("Your rating is saved. Tell us more if you like.");
    await expect(dialog.getByRole("button", { name: "Skip" })).toBeVisible();
    await waitFor(() => expect(prompt.callsTo("POST", "/api/feedback").map((call) => call.body)).toEqual([{ message_id: "m-1", feedback_type: "negative" }]));

    const chip = dialog.getByRole("button", { name: "Incomplete" });
    await userEvent.click(chip);
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(chip.querySelector("svg")).not.toBeNull();
    const note = dialog.getByRole("textbox", { name: "Note" });
    await userEvent.type(note, "Missing the last step");
    await expect(note).toHaveAttribute("maxlength", "1000");
    await expect(note).toHaveAccessibleDescription("21 / 1000");
  },
};

const keyboard = mockFeedbackApi();
export const KeyboardOnly: Story = {
  ...withApi(keyboard),
  play: async ({ canvasElement }) => {
    const { up, down, canvas, status, loaded } = kit(canvasElement);
    await loaded();
    await userEvent.tab();
    await userEvent.tab();
    await expect(down()).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    const dialog = within(canvas.getByRole("dialog", { name: "What went wrong?" }));
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveFocus();
    await userEvent.keyboard(" ");
    await expect(dialog.getByRole("button", { name: "Incorrect" })).toHaveAttribute("aria-pressed", "true");
    // Escape closes the prompt and puts focus back on the thumb; the vote stands.
    await userEvent.keyboard("{Escape}");
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(down()).toHaveFocus();
    await expect(down()).toHaveAttribute("aria-pressed", "true");

    // Switch to the other thumb, then withdraw by pressing the chosen one again.
    await userEvent.tab({ shift: true });
    await expect(up()).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await expect(down()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(status()).toHaveTextContent("Feedback saved"));
    await userEvent.keyboard("{Enter}");
    await expect(up()).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(status()).toHaveTextContent("Feedback removed"));
    await expect(keyboard.calls.filter((call) => call.method !== "GET").map((call) => `${call.method} ${call.path}`)).toEqual([
      "POST /api/feedback",
      "POST /api/feedback",
      "DELETE /api/feedback/message/m-1",
    ]);
    await expect(keyboard.storedVote("m-1")).toBeNull();
  },
};

const rapid = mockFeedbackApi({ writeLatency: 300 });
export const RapidClicks: Story = {
  ...withApi(rapid),
  play: async ({ canvasElement }) => {
    const { up, group, loaded } = kit(canvasElement);
    await loaded();
    // Up, up (withdraw), up again while the first request is in flight: only the first is sent,
    // and the final intent (up) is what it already stored.
    await userEvent.click(up());
    await userEvent.click(up());
    await userEvent.click(up());
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(group()).toHaveAttribute("aria-busy", "false"));
    await expect(rapid.calls.filter((call) => call.method !== "GET")).toHaveLength(1);
    await expect(up()).toHaveAttribute("aria-pressed", "true");
    await expect(rapid.storedVote("m-1")?.feedback_type).toBe("positive");
  },
};

const disabled = mockFeedbackApi({ config: { feedback_enabled: false } });
export const FeedbackDisabled: Story = {
  ...withApi(disabled),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.queryByRole("group", { name: "Rate this response" })).toBeNull());
    await expect(canvas.getByText(ANSWER)).toBeVisible();
    await expect(canvas.queryByRole("button")).toBeNull();
  },
};

/** An answer that streams in and only then gets its server id, as many chat backends do. */
function StreamingAnswer(props: FeedbackButtonsProps) {
  const [length, setLength] = useState(0);
  const done = length >= ANSWER.length;
  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => setLength((value) => value + 12), 30);
    return () => clearTimeout(timer);
  }, [length, done]);
  return (
    <AssistantMessage text={ANSWER.slice(0, length)}>
      <FeedbackButtons {...props} streaming={!done} empty={length === 0} messageId={done ? "m-streamed" : undefined} />
    </AssistantMessage>
  );
}

const streaming = mockFeedbackApi();
export const Streaming: Story = {
  ...withApi(streaming),
  render: (args) => <StreamingAnswer {...args} />,
  play: async ({ canvasElement }) => {
    const { up, down, status } = kit(canvasElement);
    await expect(up()).toBeDisabled();
    await expect(down()).toBeDisabled();
    // Rateable as soon as the stream ends and the message has its id.
    await waitFor(() => expect(up()).toBeEnabled(), { timeout: 5000 });
    await userEvent.click(up());
    await waitFor(() => expect(status()).toHaveTextContent("Feedback saved"));
    await expect(streaming.callsTo("POST", "/api/feedback").map((call) => call.body)).toEqual([{ message_id: "m-streamed", feedback_type: "positive" }]);
  },
};

export const Empty: Story = {
  ...withApi(mockFeedbackApi()),
  args: { empty: true },
  play: async ({ canvasElement }) => {
    const { up, down } = kit(canvasElement);
    await expect(up()).toBeDisabled();
    await expect(down()).toBeDisabled();
  },
};

const dark = mockFeedbackApi({ votes: [{ message_id: "m-1", feedback_type: "negative" }] });
export const DarkMode: Story = {
  ...withApi(dark),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    const { down, canvas, loaded } = kit(canvasElement);
    await loaded();
    await expect(down().closest(".dark")).not.toBeNull();
    // Computed from the dark tokens of app/globals.css (--color-negative, --color-background),
    // after the colour transition.
    await waitFor(() => expect(getComputedStyle(down()).color).toBe("rgb(248, 113, 113)"));
    await userEvent.click(canvas.getByRole("button", { name: "Add a reason" }));
    await expect(getComputedStyle(canvas.getByRole("dialog")).backgroundColor).toBe("rgb(11, 17, 32)");
  },
};

const german = mockFeedbackApi();
export const CustomLabels: Story = {
  ...withApi(german),
  render: (args) => (
    <AssistantMessage text="Öffnen Sie Einstellungen → Sicherheit und wählen Sie „Passwort zurücksetzen“. Sie erhalten einen Link, der 30 Minuten gilt.">
      <FeedbackButtons {...args} />
    </AssistantMessage>
  ),
  parameters: { ...withApi(german).parameters, feedbackProvider: { labels: feedbackLabelsDe, reasonLabels: reasonLabelsDe } },
  play: async ({ canvasElement }) => {
    const { down, canvas, status, loaded } = kit(canvasElement, { positive: "Gute Antwort", negative: "Schlechte Antwort", group: "Diese Antwort bewerten" });
    await loaded();
    await userEvent.click(down());
    const dialog = within(canvas.getByRole("dialog", { name: "Was war falsch?" }));
    await expect(dialog.getByRole("group", { name: "Gründe" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Unvollständig" })).toHaveAttribute("aria-pressed", "false");
    await expect(dialog.getByRole("button", { name: "Überspringen" })).toBeVisible();
    await waitFor(() => expect(status()).toHaveTextContent("Feedback gespeichert"));
    await userEvent.click(dialog.getByRole("button", { name: "Veraltet" }));
  },
};
