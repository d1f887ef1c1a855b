import { exportGoldenExamples as endpoint } from "@/lib/api/golden-example-endpoints";
import { exportGoldenExamples } from "@/server/golden-examples/export-stream";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor, query }) => {
  const { body, contentType, filename } = exportGoldenExamples({ db, actor }, query);
  return new Response(body, { headers: { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
});

export const OPTIONS = corsPreflight(endpoint);
