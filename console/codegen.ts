// GraphQL Code Generator: typed documents for every graphql(`...`) call in src/, checked against the
// server's committed schema. A document the schema refuses makes `npm run build` fail.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  errorsOnly: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          BigInt: "string | number",
          Date: "string",
          DateTime: "string",
          JSON: "unknown",
        },
      },
    },
    "src/gql/requirements.ts": {
      plugins: ["./codegen/requirements.cjs"],
    },
  },
};

export default config;
