// The console is built into the Python package (app/console/static), committed with hashed names.
// The output is deterministic: the same sources give the same bytes (tests/console/test_build_is_current.py).
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "../app/console/static",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Two pages: the console, and GraphiQL alone (what GET /graphql answers a browser with).
      input: { index: page("index.html"), "graphiql-page": page("graphiql.html") },
      output: {
        // Vendor code apart from the app's own: its hashes stay put when only the app changes.
        codeSplitting: {
          groups: [
            // use-sync-external-store: React's own shim, used by the charts and by GraphiQL alike.
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser|use-sync-external-store)[\\/]/, priority: 30 },
            // Vite's preload helper (every lazy import uses it) apart: a group takes its modules'
            // dependencies along, and the helper must not land in a lazy chunk the first screen then loads.
            { name: "preload", test: /vite[\\/]preload-helper/, priority: 40 },
            { name: "mantine", test: /node_modules[\\/](@mantine[\\/]hooks|@floating-ui|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|react-textarea-autosize|use-callback-ref|use-sidecar|use-isomorphic-layout-effect|use-composed-ref|use-latest|get-nonce|detect-node-es|tslib|type-fest)[\\/]/, priority: 20 },
            // The charts (recharts and what it draws with): loaded only by the Revenue screen's charts.
            { name: "charts", test: /node_modules[\\/](recharts|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant)[\\/]/, priority: 25 },
            // The GraphQL client. graphql-js itself is not in it: the typed documents come parsed, and
            // only GraphiQL needs graphql-js (it goes with GraphiQL's chunk).
            { name: "graphql", test: /node_modules[\\/](urql|@urql|wonka|@0no-co)[\\/]/, priority: 20 },
            // GraphiQL, Monaco and what only they use: loaded by the GraphiQL screen and page alone.
            { name: "graphiql", test: /node_modules[\\/](graphql|graphiql|@graphiql|monaco-editor|monaco-graphql|graphql-language-service|vscode-languageserver-types|@radix-ui|@headlessui|react-aria|@react-aria|react-stately|@react-stately|@react-types|@internationalized|@swc|@tanstack|framer-motion|motion-dom|motion-utils|zustand|markdown-it|linkify-it|mdurl|uc\.micro|entities|punycode\.js|argparse|prettier|jsonc-parser|get-value|set-value|is-plain-object|is-primitive|isobject|debounce-promise|nullthrows|meros|graphql-ws|@n1ru4l|picomatch-browser|react-compiler-runtime|aria-hidden|tabbable)[\\/]/, priority: 15 },
            { name: "vendor", test: /node_modules[\\/](?!@mantine[\\/]core)/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:8000" },
  },
});
