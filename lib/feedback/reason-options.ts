import { z } from "zod";

// Reason options offered in the reason prompt until an admin configures their own.
export interface ReasonOption {
  key: string;
  label: string;
}

export interface ReasonOptions {
  positive: ReasonOption[];
  negative: ReasonOption[];
}

export const DEFAULT_REASON_OPTIONS: ReasonOptions = {
  positive: [
    { key: "accurate", label: "Accurate" },
    { key: "helpful", label: "Helpful" },
    { key: "well_explained", label: "Well explained" },
  ],
  negative: [
    { key: "incorrect", label: "Incorrect" },
    { key: "incomplete", label: "Incomplete" },
    { key: "outdated", label: "Outdated" },
    { key: "unsafe", label: "Unsafe or inappropriate" },
  ],
};

export const DEFAULT_MAX_REASON_LENGTH = 1000;

const ReasonOptionSchema = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,64}$/, "keys are 1-64 characters of a-z, 0-9, _ and -"),
  // PostgreSQL's jsonb cannot hold a NUL character.
  label: z.string().trim().min(1).max(120).refine((label) => !label.includes("\u0000"), "must not contain NUL characters"),
});

const optionList = z
  .array(ReasonOptionSchema)
  .max(20)
  .refine((options) => new Set(options.map((option) => option.key)).size === options.length, "keys must be unique within a feedback type");

export const ReasonOptionsSchema = z.object({ positive: optionList, negative: optionList }).meta({ id: "ReasonOptions" });
