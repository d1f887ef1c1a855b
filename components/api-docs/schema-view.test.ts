import { describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/api/all-endpoints";
import { listReviewQueue } from "@/lib/api/admin-endpoints";
import { createConversation } from "@/lib/api/conversation-endpoints";
import { submitFeedback } from "@/lib/api/feedback-endpoints";
import { buildOpenApiDocument, operationFor } from "@/lib/api/openapi";
import { authLabel, constraintsOf, curlExample, objectFields } from "./schema-view";

const document = buildOpenApiDocument(allEndpoints);
const operation = operationFor(document, submitFeedback);

describe("API reference helpers", () => {
  it("lists request body fields with required flags and constraints", () => {
    const schema = operation?.requestBody?.content["application/json"]?.schema ?? {};
    const fields = objectFields(schema, document) ?? [];
    expect(fields.map((field) => [field.name, field.required])).toEqual([
      ["message_id", true],
      ["feedback_type", true],
      ["reason", false],
      ["reason_keys", false],
    ]);
    expect(fields[0]?.constraints).toEqual(["1–128 characters"]);
    expect(fields[2]?.constraints).toEqual(["at most 10000 characters"]);
    expect(fields[3]?.constraints).toEqual(["at most 20 items", "each item at most 64 characters"]);
  });

  it("builds a curl command with a personal access token and a body of the required fields", () => {
    if (!operation) throw new Error("missing operation");
    expect(curlExample(submitFeedback.path, submitFeedback.method, operation, document)).toBe(
      [
        `curl -X POST "$BASE_URL/api/feedback"`,
        `-H "Authorization: Bearer $FK_TOKEN"`,
        `-H "Content-Type: application/json"`,
        `-d '{"message_id":"<message_id>","feedback_type":"positive"}'`,
      ].join(" \\\n  "),
    );
    expect(authLabel(operation)).toBe("Any signed-in user (session cookie or personal access token), or a feedback token");
    const queue = operationFor(document, listReviewQueue);
    if (!queue) throw new Error("missing operation");
    expect(authLabel(queue)).toBe("Signed-in reviewer or admin (session cookie or personal access token), or an API key with the feedback:read scope");
    const ingest = operationFor(document, createConversation);
    if (!ingest) throw new Error("missing operation");
    expect(authLabel(ingest)).toBe("Organization API key with the conversations:write scope (Authorization: Bearer fk_key_…)");
  });

  it("describes date-times and nullable strings", () => {
    expect(constraintsOf({ anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] })).toEqual([
      "ISO 8601 date-time with offset",
    ]);
  });
});
