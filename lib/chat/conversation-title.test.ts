import { describe, expect, it } from "vitest";
import { conversationTitle, shorten } from "./conversation-title";

describe("conversationTitle", () => {
  it("is the title, else the first question, else a placeholder", () => {
    expect(conversationTitle("  Refunds ", "How do I get a refund?")).toBe("Refunds");
    expect(conversationTitle(null, "How do I get a refund?")).toBe("How do I get a refund?");
    expect(conversationTitle("   ", "  ")).toBe("New conversation");
    expect(conversationTitle(undefined, null)).toBe("New conversation");
  });

  it("cuts a long question at a word boundary", () => {
    const question = "I was charged twice for my March invoice and the second charge still shows up on my card statement today";
    const title = conversationTitle(null, question);
    expect(title).toBe("I was charged twice for my March invoice and the second charge still shows up…");
    expect(title.length).toBeLessThanOrEqual(80);
  });
});

describe("shorten", () => {
  it("flattens whitespace, keeps short text, cuts a long word hard", () => {
    expect(shorten("one\n two\tthree", 20)).toBe("one two three");
    expect(shorten("a".repeat(30), 10)).toBe(`${"a".repeat(9)}…`);
  });
});
