// The entry of graphiql.html (what GET /graphql answers a browser with).
import "@mantine/core/styles.css";

import { MantineProvider } from "@mantine/core";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { cssVariablesResolver, theme } from "../theme";
import { Standalone } from "./Standalone";

const root = document.getElementById("root");
if (root === null) throw new Error("no #root element");
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Standalone />
    </MantineProvider>
  </StrictMode>,
);
