import { describe, expect, it } from "vitest";
import { recordingFetch } from "@/test/recording-fetch";
import { createAdminClient, goldenExportUrl } from "./admin-client";
import { FeedbackApiError } from "./feedback-api-error";

describe("createAdminClient", () => {
  it("calls each review endpoint's method and path, with the filters as the query and actions as JSON bodies", async () => {
    const { fetch, requests } = recordingFetch((request) => (request.method === "DELETE" ? { status: 204 } : { status: 200, body: {} }));
    const client = createAdminClient({ fetch });
    await client.listQueue({ limit: "25", offset: "0", status: "pending", search: undefined });
    await client.getItem("fb/1");
    await client.resolve("fb/1", { golden_response: "Better", expected_updated_at: "2026-12-01T10:00:00.000Z" });
    await client.dismiss("fb/1", { reason: "Duplicate" });
    await client.restore("fb/1", {});
    await client.deleteItem("fb/1", "2026-12-01T10:00:00.000Z");
    await client.bulk({ action: "dismiss", ids: ["a", "b"] });
    await client.updateSettings({ auto_approve_positive: false });
    await client.updateGoldenExample("ge1", { is_active: false });
    await client.deleteGoldenExample("ge1");
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "GET /api/feedback/admin/list?limit=25&offset=0&status=pending",
      "GET /api/feedback/admin/fb%2F1",
      "POST /api/feedback/admin/fb%2F1/resolve",
      "POST /api/feedback/admin/fb%2F1/dismiss",
      "POST /api/feedback/admin/fb%2F1/restore",
      "DELETE /api/feedback/admin/fb%2F1?expected_updated_at=2026-12-01T10%3A00%3A00.000Z",
      "POST /api/feedback/admin/bulk",
      "PUT /api/feedback/admin/settings",
      "PUT /api/feedback/golden-examples/ge1",
      "DELETE /api/feedback/golden-examples/ge1",
    ]);
    expect(requests[2]!.body).toEqual({ golden_response: "Better", expected_updated_at: "2026-12-01T10:00:00.000Z" });
    expect(requests[6]!.body).toEqual({ action: "dismiss", ids: ["a", "b"] });
  });

  it("sends an action with keepalive when asked (the undo window's flush as the page closes)", async () => {
    const inits: RequestInit[] = [];
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      inits.push(init ?? {});
      return new Response("{}", { status: 200 });
    };
    const client = createAdminClient({ fetch });
    await client.resolve("fb1", {}, { keepalive: true });
    await client.dismiss("fb1", {});
    expect(inits.map((init) => init.keepalive ?? false)).toEqual([true, false]);
  });

  it("turns a 409 into a typed error that carries the API's detail", async () => {
    const detail = "This feedback changed since you loaded it: it is dismissed (by sam@acme.test at 2026-11-30T09:12:00.000Z)";
    const { fetch } = recordingFetch(() => ({ status: 409, body: { detail, code: "item_changed" } }));
    const error = await createAdminClient({ fetch })
      .resolve("fb1", {})
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(FeedbackApiError);
    expect(error).toMatchObject({ status: 409, code: "item_changed", detail, retryable: false });
  });
});

describe("goldenExportUrl", () => {
  it("is the export path with the defined filters only", () => {
    expect(goldenExportUrl({ format: "csv", is_active: "false", search: undefined })).toBe("/api/feedback/golden-examples/export?format=csv&is_active=false");
    expect(goldenExportUrl({ format: "jsonl" })).toBe("/api/feedback/golden-examples/export?format=jsonl");
  });
});
