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
