import {
  deleteGoldenExample as deleteEndpoint,
  getGoldenExample as getEndpoint,
  updateGoldenExample as updateEndpoint,
} from "@/lib/api/golden-example-endpoints";
import { deleteGoldenExample, getGoldenExample, updateGoldenExample } from "@/server/golden-examples/golden-example-service";
import { corsPreflight } from "@/server/http/cors";
import { defineRoute } from "@/server/http/define-route";

export const GET = defineRoute(getEndpoint, async ({ db, actor, params }) => ({ body: await getGoldenExample({ db, actor }, params.id) }));

export const PUT = defineRoute(updateEndpoint, async ({ db, actor, params, body }) => ({ body: await updateGoldenExample({ db, actor }, params.id, body) }));

export const DELETE = defineRoute(deleteEndpoint, async ({ db, actor, params }) => {
  await deleteGoldenExample({ db, actor }, params.id);
  return { status: 204 };
});

export const OPTIONS = corsPreflight(getEndpoint, updateEndpoint, deleteEndpoint);
