import "server-only";
import type { z } from "zod";

export interface ValidationDetail {
  location: string;
  path: string;
  message: string;
}

/** Flattens zod issues into messages that name the field: "body.feedback_type: Invalid option ...". */
export function validationDetails(error: z.ZodError, location: string): ValidationDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const field = path ? `${location}.${path}` : location;
    return { location, path, message: `${field}: ${issue.message}` };
  });
}
