// `tsx e2e/support/host-app/start-host-app.ts`: another app on a second loopback port for the
// cross-origin e2e test (e2e/cross-origin.spec.ts), started by playwright.config.ts. It serves a
// chat page with the kit (an esbuild bundle of host-page.tsx) and its own backend route that mints
// feedback tokens from the Feedback Kit app with an organization API key — docs/embedding.md, section 3.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { HOST_APP_PORT } from "./host-app-origins";

const port = HOST_APP_PORT;
const appUrl = process.env.E2E_APP_URL;
if (!appUrl) throw new Error("E2E_APP_URL must name the Feedback Kit app");

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = await build({
  entryPoints: [path.join(here, "host-page.tsx")],
  bundle: true,
  write: false,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  minify: true,
  tsconfig: path.join(here, "../../../tsconfig.json"),
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "error",
});
const script = bundle.outputFiles[0]!.contents;

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Host chat</title></head>
  <body><div id="root"></div><script type="module" src="/host-page.js"></script></body>
</html>`;

/**
 * Who the host's backend has signed in, and the organization API key it keeps: set by the test
 * (POST /test/session), standing in for the host's own sign-in and secret store.
 */
let session: { apiKey: string; userEmail: string; conversationId?: string } | null = null;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, type: string) {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

/** The host backend's route: one POST to the mint endpoint with the API key, the answer passed through. */
async function mintFeedbackToken(response: ServerResponse) {
  if (!session) return send(response, 401, JSON.stringify({ detail: "Nobody is signed in to the host app" }), "application/json");
  const minted = await fetch(`${appUrl}/api/feedback-tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${session.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ user_email: session.userEmail, conversation_id: session.conversationId, ttl_seconds: 900 }),
  });
  send(response, minted.status, await minted.text(), "application/json");
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
  const route = `${request.method} ${url.pathname}`;
  const handle = async () => {
    if (route === "GET /") return send(response, 200, PAGE, "text/html; charset=utf-8");
    if (route === "GET /host-page.js") return send(response, 200, script, "text/javascript; charset=utf-8");
    if (route === "POST /api/feedback-token") return mintFeedbackToken(response);
    if (route === "POST /test/session") {
      session = (await readJson(request)) as typeof session;
      return send(response, 204, "", "text/plain");
    }
    if (route === "GET /health") return send(response, 200, "ok", "text/plain");
    send(response, 404, "Not found", "text/plain");
  };
  handle().catch((error: unknown) => send(response, 500, String(error), "text/plain"));
});

server.listen(port, "127.0.0.1", () => console.log(`host app on http://localhost:${port} (Feedback Kit at ${appUrl})`));
