// Shared pieces of the admin stories: a fresh query cache, URL state in memory, and the toasts.
import { useState, type ReactNode } from "react";
import type { Decorator } from "@storybook/nextjs-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { Toaster } from "@/components/ui/toaster";
import type { MockAdminApi } from "./mock-admin-api";

function AdminStoryProviders({ children, searchParams }: { children: ReactNode; searchParams?: string }) {
  // No retries, so error stories show their state at once.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsTestingAdapter searchParams={searchParams} hasMemory>
        {children}
      </NuqsTestingAdapter>
      <Toaster />
    </QueryClientProvider>
  );
}

/** `parameters.searchParams` is the page's URL query, e.g. "?item=fb-pricing". */
export const withAdminProviders: Decorator = (Story, { parameters }) => (
  <AdminStoryProviders searchParams={parameters.searchParams as string | undefined}>
    <Story />
  </AdminStoryProviders>
);

/** The story's MSW handlers, reset to the story's starting data before each run; `searchParams` is the page's URL query. */
export const withAdminApi = (api: Pick<MockAdminApi, "handlers" | "reset">, { searchParams }: { searchParams?: string } = {}) => ({
  parameters: { msw: { handlers: api.handlers }, searchParams },
  beforeEach: () => api.reset(),
});

/**
 * Waits on plain timers until `ready()` is true. Testing Library's `waitFor` runs inside React's
 * `act`, which holds back renders caused by a response that arrives from a timer (a review action
 * sent when its undo window closes); and a query that throws inside a play function is reported by
 * Storybook even when caught. So the condition is plain DOM, and the assertions follow it.
 */
export async function eventually(ready: () => boolean, timeout = 8000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
