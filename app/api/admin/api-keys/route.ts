import { createApiKey as createEndpoint, listApiKeys as listEndpoint } from "@/lib/api/access-token-endpoints";
import { createOrganizationApiKey, listApiKeys } from "@/server/auth/api-key-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(listEndpoint, async ({ db, actor }) => ({ body: { items: await listApiKeys({ db, actor }) } }));

export const POST = defineRoute(createEndpoint, async ({ db, actor, body }) => ({ status: 201, body: await createOrganizationApiKey({ db, actor }, body) }));

export const OPTIONS = corsPreflight(listEndpoint, createEndpoint);
