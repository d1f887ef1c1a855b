import "server-only";
import type { GoldenExampleExportQuery } from "@/lib/api/admin-schemas";
import { exportPages, type GoldenExampleContext } from "./golden-example-service";
import { csvHeader, toCsvRow, toFineTuningRecord } from "./export-format";
import { toGoldenExample } from "./golden-example-store";

const FORMATS = {
  jsonl: { contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
} as const;

/**
 * The export as a stream of bytes, read from the database a page at a time and only as fast as
 * the client takes it, so its size does not grow the server's memory.
 */
export function exportGoldenExamples(ctx: GoldenExampleContext, query: GoldenExampleExportQuery) {
  const format = FORMATS[query.format];
  const pages = exportPages(ctx, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (query.format === "csv") controller.enqueue(encoder.encode(csvHeader()));
    },
    async pull(controller) {
      try {
        const { value, done } = await pages.next();
        if (done) return controller.close();
        const examples = value.map(toGoldenExample);
        const text = query.format === "csv" ? examples.map(toCsvRow).join("") : examples.map((example) => `${JSON.stringify(toFineTuningRecord(example))}\n`).join("");
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        console.error("[export] golden examples export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  const filename = `golden-examples-${new Date().toISOString().slice(0, 10)}.${format.extension}`;
  return { body, contentType: format.contentType, filename };
}
