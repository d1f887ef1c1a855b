import { bulkReview as endpoint } from "@/lib/api/admin-endpoints";
import { bulkReview } from "@/server/admin/review-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const POST = defineRoute(endpoint, async ({ db, actor, body }) => ({ body: await bulkReview({ db, actor }, body) }));

export const OPTIONS = corsPreflight(endpoint);
