import { createPersonalAccessToken as createEndpoint, listPersonalAccessTokens as listEndpoint } from "@/lib/api/access-token-endpoints";
import { createPersonalAccessToken, listPersonalAccessTokens } from "@/server/auth/personal-access-tokens";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listEndpoint, async ({ db, actor }) => ({ body: { items: await listPersonalAccessTokens({ db, actor }) } }));

export const POST = defineRoute(createEndpoint, async ({ db, actor, body }) => ({ status: 201, body: await createPersonalAccessToken({ db, actor }, body) }));

export const OPTIONS = corsPreflight(listEndpoint, createEndpoint);
