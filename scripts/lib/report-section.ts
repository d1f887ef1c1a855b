// docs/benchmarks.md holds one section per benchmark script, each between its own markers, so a
// script rewrites its section and leaves the others as their last run left them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const BENCHMARKS_FILE = "docs/benchmarks.md";
const TITLE = "# Benchmarks\n\nEach section below is written by the script it names, with the command that produced it.\n";

export function writeReportSection(name: string, text: string, file = BENCHMARKS_FILE): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${text.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : TITLE;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`Wrote the "${name}" section of ${file}`);
}
