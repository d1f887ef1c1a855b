import { describe, expect, it } from "vitest";
import { draftCorrectedAnswer } from "./corrected-answer";
import { createOfflineResponder, offlineAnswer } from "./offline-responder";
import { generateAnswer, type ResponderMessage } from "./responder";

const refund: ResponderMessage[] = [{ role: "user", content: "I was charged twice. How do I get a refund?" }];

async function chunksOf(messages: ResponderMessage[], delay = 0): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of createOfflineResponder({ chunkDelayMs: delay }).streamAnswer(messages)) chunks.push(chunk);
  return chunks;
}

describe("the offline responder", () => {
  it("answers the same conversation with the same chunks every time", async () => {
    const first = await chunksOf(refund);
    expect(await chunksOf(refund)).toEqual(first);
    expect(first.length).toBeGreaterThan(10);
    expect(first.join("")).toBe(offlineAnswer(refund));
  });

  it("answers from the topic of the last question, as numbered steps", () => {
    const answer = offlineAnswer(refund);
    expect(answer).toMatch(/\n1\. .+\n2\. .+\n3\. .+\n/);
    expect(answer).toContain("Billing");
    const export_ = offlineAnswer([...refund, { role: "assistant", content: answer }, { role: "user", content: "And how do I export my data as CSV?" }]);
    expect(export_).toContain("Export");
    expect(export_).not.toBe(answer);
  });

  it("greets back", () => {
    expect(offlineAnswer([{ role: "user", content: "Hello!" }])).toMatch(/^Hello! I am the demo support assistant/);
  });

  it("pauses before every chunk, so the answer visibly streams", async () => {
    const started = performance.now();
    const arrivals: number[] = [];
    for await (const _chunk of createOfflineResponder({ chunkDelayMs: 15 }).streamAnswer(refund)) arrivals.push(performance.now() - started);
    expect(arrivals[0]).toBeGreaterThanOrEqual(14);
    expect(arrivals.at(-1)!).toBeGreaterThanOrEqual(14 * arrivals.length);
  });

  it("stops with the signal's reason when the reader leaves", async () => {
    const controller = new AbortController();
    const reason = new Error("reader left");
    const received: string[] = [];
    const reading = (async () => {
      for await (const chunk of createOfflineResponder({ chunkDelayMs: 5 }).streamAnswer(refund, { signal: controller.signal })) {
        received.push(chunk);
        if (received.length === 3) controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    expect(received).toHaveLength(3);
  });

  it("drafts a corrected answer from the rated one and the user's feedback", async () => {
    const draft = await draftCorrectedAnswer(createOfflineResponder({ chunkDelayMs: 0 }), {
      conversation: [{ role: "user", content: "How much is the Team plan?" }],
      ratedAnswer: "The Team plan is $8 per seat.",
      reason: "That price is from last year",
      reasonLabels: ["Outdated"],
    });
    expect(draft).toBe(
      "The Team plan is $8 per seat.\n\n[Draft: revise the answer above for this feedback — Outdated; That price is from last year. " +
        "The offline responder does not rewrite answers; set OPENAI_BASE_URL for a model-written draft.]",
    );
  });

  it("generateAnswer joins the stream", async () => {
    expect(await generateAnswer(createOfflineResponder({ chunkDelayMs: 0 }), refund)).toBe(offlineAnswer(refund));
  });
});
