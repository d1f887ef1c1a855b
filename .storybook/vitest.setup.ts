import * as a11yAddonAnnotations from "@storybook/addon-a11y/preview";
import { setProjectAnnotations } from "@storybook/nextjs-vite";

import * as projectAnnotations from "./preview";

// Apply the a11y addon's annotations (axe run + `a11y.test` handling) and our
// preview (globals.css, theme decorator, parameters) to every story test.
setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
