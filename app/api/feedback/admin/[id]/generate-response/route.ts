import { generateCorrectedResponse as endpoint } from "@/lib/api/admin-endpoints";
import { generateCorrectedResponse } from "@/server/admin/correction-draft-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, params, request }) => ({
  body: await generateCorrectedResponse({ db, actor, signal: request.signal }, params.id),
}));

export const OPTIONS = corsPreflight(endpoint);
