// `npm run lighthouse:chat`: Lighthouse 12.2.3 (pinned, run with npx) on the chat demo of the
// production build, signed in as the demo member, in Debian's Chromium. Serves the build on a fresh
// seeded database, audits the new-chat page, a short conversation and the 200-message one, prints a
// table and stops the server. Needs `npm run build` first. Options: --port N (default 3700),
// --preset mobile|desktop (default mobile: Lighthouse's own throttled phone), --runs N (median).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { conversationIdOf, signInAsDemoUser, startDemoServer } from "./lib/demo-server";

const LIGHTHOUSE = "lighthouse@12.2.3";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage";
const MEMBER = "member@demo.test";

const { values } = parseArgs({
  options: { port: { type: "string", default: "3700" }, preset: { type: "string", default: "mobile" }, runs: { type: "string", default: "1" } },
});
const port = Number(values.port);
const preset = values.preset === "desktop" ? "desktop" : "mobile";
const runs = Math.max(1, Number(values.runs));
const workDir = path.resolve(".data/lighthouse");

interface Audit {
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  failedAccessibility: string[];
}

function runLighthouse(url: string, cookie: string, name: string, run: number): Audit {
  const headersFile = path.join(workDir, "headers.json");
  writeFileSync(headersFile, JSON.stringify({ Cookie: cookie }));
  const output = path.join(workDir, `${name}-${preset}-${run}.json`);
  const args = [
    "--yes",
    LIGHTHOUSE,
    url,
    "--quiet",
    "--only-categories=performance,accessibility",
    "--output=json",
    `--output-path=${output}`,
    `--extra-headers=${headersFile}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    ...(preset === "desktop" ? ["--preset=desktop"] : []),
  ];
  const result = spawnSync("npx", args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    categories: Record<string, { score: number; auditRefs: Array<{ id: string }> }>;
    audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
  };
  const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
  return {
    performance: Math.round(report.categories.performance!.score * 100),
    accessibility: Math.round(report.categories.accessibility!.score * 100),
    metrics: {
      FCP: metric("first-contentful-paint"),
      LCP: metric("largest-contentful-paint"),
      TBT: metric("total-blocking-time"),
      CLS: Math.round((report.audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000) / 1000,
      SI: metric("speed-index"),
    },
    failedAccessibility: report.categories.accessibility!.auditRefs
      .map((ref) => ref.id)
      .filter((id) => report.audits[id]?.scoreDisplayMode === "binary" && report.audits[id]?.score === 0),
  };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startDemoServer(port, workDir);
try {
  const { base } = server;
  const cookie = await signInAsDemoUser(base, MEMBER);
  const pages = [
    { name: "new-chat", label: "`/chat` (new chat)", url: `${base}/chat` },
    { name: "short", label: "`/chat/{id}`, 4 messages", url: `${base}/chat/${await conversationIdOf(base, cookie, "Resetting a password")}` },
    { name: "long", label: "`/chat/{id}`, 200 messages", url: `${base}/chat/${await conversationIdOf(base, cookie, "Moving to the new workspace (long thread)")}` },
  ];
  console.log(
    `Lighthouse ${LIGHTHOUSE.split("@")[1]}, ${preset} preset, ${runs} run(s) per page (the run with the median performance score), ` +
      `${new Date().toISOString().slice(0, 10)}, load average before: ${loadavg().map((load) => load.toFixed(1)).join(" ")}\n`,
  );
  console.log("| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | failed accessibility audits |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const page of pages) {
    const audits = Array.from({ length: runs }, (_, run) => runLighthouse(page.url, cookie, page.name, run));
    const middle = audits.find((audit) => audit.performance === median(audits.map((entry) => entry.performance)))!;
    const { FCP, LCP, TBT, CLS, SI } = middle.metrics;
    console.log(
      `| ${page.label} | ${middle.performance} | ${middle.accessibility} | ${FCP} | ${LCP} | ${TBT} | ${CLS} | ${SI} | ${middle.failedAccessibility.join(", ") || "none"} |`,
    );
  }
} finally {
  server.stop();
}
