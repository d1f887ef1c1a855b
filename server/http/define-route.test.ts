// The route wrapper holds handlers to their contracts: outside production a handler that answers
// with an undeclared status, body or error code is a 500, so the tests that reach it fail.
import { z } from "zod";
import { describe, expect, it, vi } from "vitest";
import { defineEndpoint } from "@/lib/api/endpoint";
import { conflict, notFound } from "@/server/errors";
import { callRoute } from "@/test/http";
import { defineRoute } from "./define-route";

const ItemSchema = z.object({ id: z.string(), count: z.number().int() }).meta({ id: "DefineRouteTestItem" });

const endpoint = defineEndpoint({
  id: "defineRouteTest",
  method: "POST",
  path: "/api/test",
  tag: "Test",
  summary: "A test endpoint",
  auth: "public",
  body: z.object({ answer: z.enum(["declared", "undeclared-error", "declared-error", "bad-body", "undeclared-status"]) }),
  responses: { 201: { description: "Created", schema: ItemSchema }, 204: { description: "Nothing" } },
  errors: ["not_found"],
});

const route = defineRoute(endpoint, async ({ body }) => {
  switch (body.answer) {
    case "declared":
      return { status: 201, body: { id: "a", count: 1 } };
    case "declared-error":
      throw notFound("No such item");
    case "undeclared-error":
      throw conflict("Busy", "concurrent_write");
    case "bad-body":
      // A handler bug the types would catch; the check must catch it too.
      return { status: 201, body: { id: "a", count: "one" } } as never;
    default:
      return { status: 200, body: {} } as never;
  }
});

const call = (answer: string, extra: object = {}) => callRoute(route, { method: "POST", body: { answer, ...extra } });

describe("defineRoute", () => {
  it("sends a declared response and a declared error as they are", async () => {
    expect(await call("declared")).toMatchObject({ status: 201, body: { id: "a", count: 1 } });
    expect(await call("declared-error")).toMatchObject({ status: 404, body: { detail: "No such item", code: "not_found" } });
  });

  it("ignores body fields the contract does not name (clients of the original API send some)", async () => {
    expect(await call("declared", { query_type: "faq", nested: { anything: true } })).toMatchObject({ status: 201 });
  });

  it.each([
    ["an error code the contract does not declare", "undeclared-error"],
    ["a body its response schema does not allow", "bad-body"],
    ["a status the contract does not declare", "undeclared-status"],
  ])("answers %s with a 500 outside production", async (_label, answer) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await call(answer)).toMatchObject({ status: 500, body: { code: "internal_error" } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
