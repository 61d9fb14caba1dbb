import { createTheme, type CSSVariablesResolver } from "@mantine/core";

// WCAG AA (4.5:1 for text), checked with axe-core. Mantine's default primary shade (blue 6) gives
// white text 3.55:1 on a filled button; shade 8 gives about 5:1 (light variants, as an active
// NavLink, use shade 9 text).
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
});

// "Dimmed" text (descriptions, secondary text) is gray 6 by default: 3.3:1 on white. Gray 7 passes.
// An input's error text (and its border) is red 6 by default: 3.3:1 on white. Red 9 passes (5.4:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)", "--mantine-color-error": "var(--mantine-color-red-9)" },
  dark: {},
});
