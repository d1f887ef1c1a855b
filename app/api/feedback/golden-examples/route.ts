import { createGoldenExample as createEndpoint, listGoldenExamples as listEndpoint } from "@/lib/api/golden-example-endpoints";
import { createGoldenExample, listGoldenExamples } from "@/server/golden-examples/golden-example-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listEndpoint, async ({ db, actor, query }) => ({ body: await listGoldenExamples({ db, actor }, query) }));

export const POST = defineRoute(createEndpoint, async ({ db, actor, body }) => ({ status: 201, body: await createGoldenExample({ db, actor }, body) }));

export const OPTIONS = corsPreflight(listEndpoint, createEndpoint);
