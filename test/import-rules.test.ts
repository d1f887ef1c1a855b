// The architecture's import rules are enforced by lint (eslint.config.mjs): a wrong arrow fails `npm test`.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").map((message) => message.message);
}

describe("import rules", () => {
  it.each([
    ["lib/api/example.ts", 'import { getDb } from "@/server/db/database";\nexport const db = getDb;\n'],
    ["components/feedback/example.tsx", 'import { submitFeedback } from "../../server/feedback/feedback-service";\nexport const submit = submitFeedback;\n'],
    ["components/ui/example.tsx", 'import "server-only";\nexport const x = 1;\n'],
  ])("%s may not import server code", async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([expect.stringContaining("never import server code")]);
  });

  it.each([
    ["server/feedback/example-service.ts", 'import { defineRoute } from "@/server/http/define-route";\nexport const route = defineRoute;\n'],
    ["server/settings/example.ts", 'import { GET } from "@/app/api/health/route";\nexport const get = GET;\n'],
    ["server/jobs/example.ts", 'import { NextResponse } from "next/server";\nexport const response = NextResponse;\n'],
  ])("%s may not import HTTP or app code", async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([expect.stringContaining("Services know nothing of HTTP")]);
  });

  it("allows the arrows the architecture has", async () => {
    expect(await restrictedImports("server/http/example.ts", 'import { getDb } from "@/server/db/database";\nexport const db = getDb;\n')).toEqual([]);
    expect(await restrictedImports("app/api/example/route.ts", 'import { defineRoute } from "@/server/http/define-route";\nexport const route = defineRoute;\n')).toEqual([]);
    expect(await restrictedImports("components/example.tsx", 'import { FeedbackTypeSchema } from "@/lib/api/schemas";\nexport const schema = FeedbackTypeSchema;\n')).toEqual([]);
  });
});
