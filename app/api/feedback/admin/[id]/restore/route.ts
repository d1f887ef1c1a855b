import { restoreFeedback as endpoint } from "@/lib/api/admin-endpoints";
import { restoreFeedback } from "@/server/admin/review-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, params, body }) => ({ body: await restoreFeedback({ db, actor }, params.id, body) }));

export const OPTIONS = corsPreflight(endpoint);
