import type { Decorator, Preview } from "@storybook/nextjs-vite";
import { initialize, mswLoader } from "msw-storybook-addon";

import "../app/globals.css";

// Stories mock the network with MSW (parameters.msw.handlers). A call to the API that no handler
// answers is an error, so a story cannot silently depend on a real server.
initialize({
  quiet: true,
  onUnhandledRequest(request, print) {
    if (new URL(request.url).pathname.startsWith("/api/")) print.error();
  },
});

type Theme = "light" | "dark";

/**
 * Renders every story in the selected theme. app/globals.css switches its design
 * tokens on a `.dark` class on an ancestor, and falls back to
 * `prefers-color-scheme` on `:root` unless `<html>` has `.light`. So the root
 * element always gets exactly one of the two classes (otherwise "light" would
 * still render dark on a dark-mode OS), and the story is wrapped in a themed
 * surface as well.
 */
const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === "dark" ? "dark" : "light";
  if (typeof document !== "undefined") {
    document.documentElement.classList.toggle("dark", theme === "dark");
    document.documentElement.classList.toggle("light", theme === "light");
  }
  return (
    <div
      data-theme={theme}
      className={`${theme} bg-background p-4 text-foreground`}
      style={{ colorScheme: theme }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  loaders: [mswLoader],
  globalTypes: {
    theme: {
      description: "Light or dark design tokens",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: "light",
  },
  parameters: {
    controls: {
      matchers: {
        color: /(background|color)$/i,
        date: /Date$/i,
      },
    },
    a11y: {
      // Axe violations fail the story test (in Vitest and in the Storybook UI test runner).
      test: "error",
    },
  },
};

export default preview;
