// The console is built into the Python package (app/console/static), committed with hashed names.
// The output is deterministic: the same sources give the same bytes (tests/console/test_build_is_current.py).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
      output: {
        // Vendor code apart from the app's own: its hashes stay put when only the app changes.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 30 },
            { name: "mantine", test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|react-textarea-autosize|use-callback-ref|use-sidecar|use-isomorphic-layout-effect|use-composed-ref|use-latest|get-nonce|detect-node-es|tslib|type-fest)[\\/]/, priority: 20 },
            // The charts (recharts and what it draws with): loaded only by the Revenue screen's charts.
            { name: "charts", test: /node_modules[\\/](recharts|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|use-sync-external-store|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant)[\\/]/, priority: 25 },
            { name: "graphql", test: /node_modules[\\/](graphql|urql|@urql|wonka|@0no-co)[\\/]/, priority: 20 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:8000" },
  },
});
