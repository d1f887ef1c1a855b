// Shared pieces of the feedback stories: a provider per story, a message frame, query helpers.
import { useState, type ReactNode } from "react";
import type { Decorator } from "@storybook/nextjs-vite";
import { QueryClient } from "@tanstack/react-query";
import { expect, waitFor, within } from "storybook/test";
import { FeedbackProvider, type FeedbackProviderProps } from "@/components/feedback";
import type { MockFeedbackApi } from "./mock-feedback-api";

type ProviderParameters = Omit<FeedbackProviderProps, "children" | "queryClient">;

function StoryProvider({ children, ...props }: ProviderParameters & { children: ReactNode }) {
  // A fresh cache per story: stories must not see each other's votes. No retries, so the error
  // and loading stories show their state at once instead of after the default backoff.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <FeedbackProvider queryClient={queryClient} {...props}>
      {children}
    </FeedbackProvider>
  );
}

/** Wraps the story in a FeedbackProvider; `parameters.feedbackProvider` passes labels and the like. */
export const withFeedbackProvider: Decorator = (Story, { parameters }) => (
  <StoryProvider {...(parameters.feedbackProvider as ProviderParameters | undefined)}>
    <Story />
  </StoryProvider>
);

/** An assistant message as a chat UI shows it, with the buttons under the answer. */
export function AssistantMessage({ text, children }: { text: string; children: ReactNode }) {
  return (
    <article aria-label="Assistant message" className="flex max-w-xl flex-col gap-2 rounded-lg border border-border p-3 text-sm">
      <p>{text || <span className="text-muted-foreground">…</span>}</p>
      {children}
    </article>
  );
}

/** The story's MSW handlers, reset to the story's starting data before each run. */
export const withApi = (api: MockFeedbackApi) => ({
  parameters: { msw: { handlers: api.handlers } },
  beforeEach: () => api.reset(),
});

export function kit(canvasElement: HTMLElement, names = { positive: "Good response", negative: "Bad response", group: "Rate this response" }) {
  const canvas = within(canvasElement);
  return {
    canvas,
    up: () => canvas.getByRole("button", { name: names.positive }),
    down: () => canvas.getByRole("button", { name: names.negative }),
    group: () => canvas.getByRole("group", { name: names.group }),
    status: () => canvas.getByRole("status"),
    /** Waits until the stored vote and the settings are loaded. */
    loaded: () => waitFor(() => expect(canvas.getByRole("group", { name: names.group })).toHaveAttribute("aria-busy", "false")),
  };
}
