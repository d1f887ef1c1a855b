// The limits the HTTP tests cannot reach through the request size limit.
import { describe, expect, it } from "vitest";
import { AppendMessagesBodySchema, IngestMessageSchema, MAX_MESSAGE_CONTENT } from "./conversation-schemas";

const messages = (error: { issues: Array<{ message: string }> } | undefined) => error?.issues.map((issue) => issue.message);

describe("IngestMessageSchema", () => {
  it(`accepts content of exactly ${MAX_MESSAGE_CONTENT} characters and rejects one more`, () => {
    expect(IngestMessageSchema.safeParse({ role: "assistant", content: "x".repeat(MAX_MESSAGE_CONTENT) }).success).toBe(true);
    const tooLong = IngestMessageSchema.safeParse({ role: "assistant", content: "x".repeat(MAX_MESSAGE_CONTENT + 1) });
    expect(messages(tooLong.error)).toEqual([`must be at most ${MAX_MESSAGE_CONTENT} characters`]);
  });

  it("accepts a null external_id and an external_id of 128 characters", () => {
    expect(IngestMessageSchema.safeParse({ role: "user", content: "x", external_id: null }).success).toBe(true);
    expect(IngestMessageSchema.safeParse({ role: "user", content: "x", external_id: "e".repeat(128) }).success).toBe(true);
  });
});

describe("AppendMessagesBodySchema", () => {
  it("allows messages without external ids to repeat content", () => {
    const message = { role: "user", content: "again" };
    expect(AppendMessagesBodySchema.safeParse({ messages: [message, message] }).success).toBe(true);
  });
});
