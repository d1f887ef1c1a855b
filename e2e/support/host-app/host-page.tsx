// The host page of the cross-origin e2e test: another app's chat page with the kit, built by
// esbuild (start-host-app.ts). It knows the Feedback Kit app only by its URL and gets feedback
// tokens from its own backend, as docs/embedding.md describes.
import { createRoot } from "react-dom/client";
import { FeedbackButtons, FeedbackProvider } from "@/components/feedback";

const params = new URLSearchParams(window.location.search);
const apiBaseUrl = params.get("api") ?? "";
const messageId = params.get("message") ?? "";

/** The host's own backend mints the token for its signed-in user; this page never sees the API key. */
async function getFeedbackToken() {
  const response = await fetch("/api/feedback-token", { method: "POST", credentials: "same-origin" });
  if (!response.ok) throw new Error(`Could not get a feedback token (${response.status})`);
  return (await response.json()) as { token: string; expires_at: string };
}

createRoot(document.getElementById("root")!).render(
  <FeedbackProvider apiBaseUrl={apiBaseUrl} getToken={getFeedbackToken}>
    <main>
      <h1>Host chat</h1>
      <article aria-label="Assistant answer">
        <p>An answer from the host&apos;s own assistant.</p>
        <FeedbackButtons messageId={messageId} />
      </article>
    </main>
  </FeedbackProvider>,
);
