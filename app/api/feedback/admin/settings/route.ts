import { getReviewSettings as getEndpoint, updateReviewSettings as updateEndpoint } from "@/lib/api/admin-endpoints";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { getSettings, updateSettings } from "@/server/settings/settings-service";

export const GET = defineRoute(getEndpoint, async ({ db, actor }) => ({ body: await getSettings({ db, actor }) }));

export const PUT = defineRoute(updateEndpoint, async ({ db, actor, body }) => ({ body: await updateSettings({ db, actor }, body) }));

export const OPTIONS = corsPreflight(getEndpoint, updateEndpoint);
