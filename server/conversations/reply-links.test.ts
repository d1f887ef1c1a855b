import { describe, expect, it } from "vitest";
import { linkReplies } from "./reply-links";

const message = (id: string, role: string) => ({ id, role });

describe("linkReplies", () => {
  it("links each answer to the last question before it", () => {
    const linked = linkReplies([message("q1", "user"), message("a1", "assistant"), message("s", "system"), message("a2", "assistant"), message("q2", "user"), message("a3", "assistant")]);
    expect(linked.map((row) => [row.id, row.replyToId])).toEqual([
      ["q1", null],
      ["a1", "q1"],
      ["s", null],
      ["a2", "q1"],
      ["q2", null],
      ["a3", "q2"],
    ]);
  });

  it("links answers before the list's first question to the question before the list", () => {
    expect(linkReplies([message("a", "assistant"), message("q", "user")], "earlier").map((row) => row.replyToId)).toEqual(["earlier", null]);
  });

  it("leaves an answer with no question before it unlinked", () => {
    expect(linkReplies([message("a", "assistant")])[0]!.replyToId).toBeNull();
  });
});
