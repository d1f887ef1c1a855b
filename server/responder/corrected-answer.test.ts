import { describe, expect, it } from "vitest";
import { CORRECTION_INSTRUCTIONS, correctionRequest, readCorrectionRequest } from "./corrected-answer";

describe("correctionRequest", () => {
  it("asks for a rewrite of the rated answer after the conversation, with the feedback", () => {
    const messages = correctionRequest({
      conversation: [
        { role: "system", content: "You are the support bot." },
        { role: "user", content: "Can we use Okta?" },
      ],
      ratedAnswer: "Single sign-on is not supported yet.",
      reason: "  We use Okta already ",
      reasonLabels: ["Incorrect"],
    });
    expect(messages).toEqual([
      { role: "system", content: CORRECTION_INSTRUCTIONS },
      { role: "user", content: "Can we use Okta?" },
      { role: "assistant", content: "Single sign-on is not supported yet." },
      {
        role: "user",
        content:
          "Feedback on your last answer: Incorrect; We use Okta already\n\nRewrite your last answer so that it addresses this feedback. Reply with the corrected answer only.",
      },
    ]);
    expect(readCorrectionRequest(messages)).toEqual({ ratedAnswer: "Single sign-on is not supported yet.", feedback: "Incorrect; We use Okta already" });
  });

  it("says so when the user gave no reason", () => {
    const messages = correctionRequest({ conversation: [], ratedAnswer: "No." });
    expect(readCorrectionRequest(messages)?.feedback).toBe("the user rated it as a bad response without saying why");
  });

  it("recognises only its own requests", () => {
    expect(readCorrectionRequest([{ role: "user", content: "Feedback on your last answer: x" }])).toBeNull();
    expect(readCorrectionRequest([{ role: "system", content: CORRECTION_INSTRUCTIONS }, { role: "user", content: "hi" }])).toBeNull();
  });
});
