import { expect, type Page } from "@playwright/test";

/**
 * Radix's checkboxes and switches in a form keep a native input beside them that only CSS hides
 * (their inline style is blocked by the CSP): none may show.
 */
export async function expectFormInputsBehindControlsHidden(page: Page): Promise<void> {
  const inputs = await page.locator('input[type="checkbox"][aria-hidden="true"]').all();
  expect(inputs.length).toBeGreaterThan(0);
  for (const input of inputs) await expect(input).toHaveCSS("opacity", "0");
}
