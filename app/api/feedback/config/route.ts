import { getFeedbackConfig as configEndpoint } from "@/lib/api/feedback-endpoints";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";
import { getFeedbackConfig } from "@/server/settings/feedback-config-service";

export const GET = defineRoute(configEndpoint, async ({ db, actor }) => ({ body: await getFeedbackConfig({ db, actor }) }));

export const OPTIONS = corsPreflight(configEndpoint);
