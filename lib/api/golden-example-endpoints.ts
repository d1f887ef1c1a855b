// Golden examples: the curated question/answer pairs, and their export (SPEC §4, issue #10).
import {
  CreateGoldenExampleBodySchema,
  GoldenExampleExportQuerySchema,
  GoldenExampleIdParamsSchema,
  GoldenExampleListQuerySchema,
  GoldenExampleListSchema,
  GoldenExampleSchema,
  UpdateGoldenExampleBodySchema,
} from "./admin-schemas";
import { z } from "zod";
import { defineEndpoint } from "./endpoint";

const TAG = "Golden examples";

export const listGoldenExamples = defineEndpoint({
  id: "listGoldenExamples",
  method: "GET",
  path: "/api/feedback/golden-examples",
  tag: TAG,
  summary: "List golden examples",
  description: "Newest first (ties broken by id), filtered and paged like the review queue.",
  auth: "reviewer",
  query: GoldenExampleListQuerySchema,
  responses: { 200: { description: "One page of golden examples", schema: GoldenExampleListSchema } },
});

export const createGoldenExample = defineEndpoint({
  id: "createGoldenExample",
  method: "POST",
  path: "/api/feedback/golden-examples",
  tag: TAG,
  summary: "Write a golden example by hand",
  description: "`source_type` manual, `approval_type` manual, created by the caller.",
  auth: "reviewer",
  body: CreateGoldenExampleBodySchema,
  responses: { 201: { description: "The new golden example", schema: GoldenExampleSchema } },
});

export const exportGoldenExamples = defineEndpoint({
  id: "exportGoldenExamples",
  method: "GET",
  path: "/api/feedback/golden-examples/export",
  tag: TAG,
  summary: "Export golden examples as JSONL or CSV",
  description:
    "Active examples unless the filters say otherwise, oldest first, streamed as a download named with the date. " +
    "`jsonl`: one `{\"messages\": [...]}` per line in the chat fine-tuning format (the conversation before the answer, the " +
    "question, and the golden response as the last assistant message). `csv`: a header row, then id, feedback_id, " +
    "source_type, approval_type, original_query, original_response, golden_response, context (JSON), created_at, updated_at.",
  auth: "reviewer",
  query: GoldenExampleExportQuerySchema,
  responses: {
    200: {
      description: "The file, as a download",
      contentType: ["application/x-ndjson", "text/csv"],
      schema: z.string().describe("jsonl: one JSON object per line; csv: RFC 4180 with a header row"),
    },
  },
});

export const getGoldenExample = defineEndpoint({
  id: "getGoldenExample",
  method: "GET",
  path: "/api/feedback/golden-examples/{id}",
  tag: TAG,
  summary: "One golden example",
  auth: "reviewer",
  params: GoldenExampleIdParamsSchema,
  responses: { 200: { description: "The golden example", schema: GoldenExampleSchema } },
  errors: ["not_found"],
});

export const updateGoldenExample = defineEndpoint({
  id: "updateGoldenExample",
  method: "PUT",
  path: "/api/feedback/golden-examples/{id}",
  tag: TAG,
  summary: "Edit a golden example's answer or switch it on or off",
  description: "An edited answer is the caller's: the example becomes `approval_type` manual.",
  auth: "reviewer",
  params: GoldenExampleIdParamsSchema,
  body: UpdateGoldenExampleBodySchema,
  responses: { 200: { description: "The golden example after the change", schema: GoldenExampleSchema } },
  errors: ["not_found"],
});

export const deleteGoldenExample = defineEndpoint({
  id: "deleteGoldenExample",
  method: "DELETE",
  path: "/api/feedback/golden-examples/{id}",
  tag: TAG,
  summary: "Delete a golden example",
  auth: "reviewer",
  params: GoldenExampleIdParamsSchema,
  responses: { 204: { description: "Deleted" } },
  errors: ["not_found"],
});

export const goldenExampleEndpoints = [listGoldenExamples, createGoldenExample, exportGoldenExamples, getGoldenExample, updateGoldenExample, deleteGoldenExample];
