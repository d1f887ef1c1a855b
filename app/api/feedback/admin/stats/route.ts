import { getReviewStats as endpoint } from "@/lib/api/admin-endpoints";
import { getFeedbackStats } from "@/server/admin/stats-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(endpoint, async ({ db, actor }) => ({ body: await getFeedbackStats({ db, actor }) }));

export const OPTIONS = corsPreflight(endpoint);
