"use client";
import { useContext, useLayoutEffect, useMemo, useState, type ReactNode } from "react";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import type { GetToken } from "@/lib/api/bearer-token";
import { createFeedbackBatchLoader } from "@/lib/api/feedback-batch-loader";
import { createFeedbackClient, type FeedbackClientOptions } from "@/lib/api/feedback-client";
import { FeedbackKitContext, type FeedbackIcons, type FeedbackKit } from "./feedback-context";
import { mergeLabels, type FeedbackLabelOverrides, type ReasonLabelOverrides } from "./feedback-labels";
import { createVoteQueue } from "./feedback-vote-queue";

export interface FeedbackProviderProps {
  children: ReactNode;
  /** Origin of the Feedback Kit app, e.g. "https://feedback.example.com". Leave it out on the same origin. */
  apiBaseUrl?: string;
  /** Replaces `fetch` for every API call (instrumentation, a proxy, tests). */
  fetch?: typeof fetch;
  /** Extra headers for every API call, e.g. `() => ({ Authorization: \`Bearer ${token}\` })`. */
  headers?: FeedbackClientOptions["headers"];
  /**
   * For hosts on another origin: returns a bearer token (a personal access token or a short-lived
   * feedback token minted by your backend), or `{ token, expiresAt }`. Called once, again shortly
   * before the token expires (a JWT's `exp` is read), and after a 401.
   */
  getToken?: GetToken;
  /** Your TanStack Query client. Without one the kit uses the surrounding `QueryClientProvider`'s, or makes its own. */
  queryClient?: QueryClient;
  /** Any of the kit's texts, e.g. for another language. */
  labels?: FeedbackLabelOverrides;
  /** Icons for the thumbs (default: lucide's thumbs). */
  icons?: FeedbackIcons;
  /** Translated labels of the organization's reason options, by type and key: `{ negative: { incorrect: "Falsch" } }`. */
  reasonLabels?: ReasonLabelOverrides;
}

type Callbacks = Pick<FeedbackProviderProps, "fetch" | "headers" | "getToken">;

/** The host's latest callbacks, read when a request is made (not during render). */
class HostCallbacks {
  constructor(public latest: Callbacks) {}
  update(next: Callbacks) {
    this.latest = next;
  }
}

/** Supplies the API client, the query client, labels and icons to every `FeedbackButtons` and hook below it. */
export function FeedbackProvider({
  children,
  apiBaseUrl,
  fetch,
  headers,
  getToken,
  queryClient,
  labels,
  icons,
  reasonLabels,
}: FeedbackProviderProps) {
  const outerClient = useContext(QueryClientContext);
  // Cheap until a QueryClientProvider mounts it; used only when the host has no client of its own.
  const [ownClient] = useState(() => new QueryClient());
  const client = queryClient ?? outerClient ?? ownClient;

  // Hosts often pass inline callbacks: the API client reads the latest ones instead of being rebuilt
  // (which would drop the cached token and the pending batch).
  const [callbacks] = useState(() => new HostCallbacks({ fetch, headers, getToken }));
  useLayoutEffect(() => callbacks.update({ fetch, headers, getToken }));
  const hasTokenSource = getToken !== undefined;

  const core = useMemo(() => {
    const api = createFeedbackClient({
      baseUrl: apiBaseUrl,
      fetch: (input, init) => (callbacks.latest.fetch ?? globalThis.fetch)(input, init),
      headers: () => callbacks.latest.headers?.(),
      getToken: hasTokenSource ? () => callbacks.latest.getToken!() : undefined,
    });
    return { api, loader: createFeedbackBatchLoader((ids) => api.listMessageFeedback(ids)), votes: createVoteQueue(client, api) };
  }, [apiBaseUrl, hasTokenSource, client, callbacks]);

  const kit = useMemo<FeedbackKit>(
    () => ({ ...core, queryClient: client, labels: mergeLabels(labels), icons: icons ?? {}, reasonLabels: reasonLabels ?? {} }),
    [core, client, labels, icons, reasonLabels],
  );

  const tree = <FeedbackKitContext value={kit}>{children}</FeedbackKitContext>;
  // Under a host's QueryClientProvider the kit shares it; otherwise it provides its client, so a
  // HydrationBoundary inside hydrates the cache the kit reads.
  return outerClient ? tree : <QueryClientProvider client={client}>{tree}</QueryClientProvider>;
}
