// A GraphQL Code Generator plugin: every operation and guarded field of the schema with the
// permissions its @requires declares, as a typed module (src/gql/requirements.ts). The console's
// role composer previews what a set of permissions unlocks in the graph from it: generated from
// ../schema.graphql at every build, never kept by hand.
const { isObjectType } = require("graphql");

/** @type {import("@graphql-codegen/plugin-helpers").PluginFunction} */
function plugin(schema) {
  const entries = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = (field.astNode?.directives ?? []).find((d) => d.name.value === "requires");
      if (!directive) continue;
      const argument = directive.arguments?.find((a) => a.name.value === "permissions");
      const permissions = argument && argument.value.kind === "ListValue" ? argument.value.values.map((v) => v.value) : [];
      const kind = type.name === "Query" ? "query" : type.name === "Mutation" ? "mutation" : "field";
      entries.push({ kind, type: type.name, field: field.name, permissions, description: field.description ?? null });
    }
  }
  entries.sort((a, b) => a.kind.localeCompare(b.kind) || a.type.localeCompare(b.type) || a.field.localeCompare(b.field));
  return [
    "// Generated from ../schema.graphql by codegen/requirements.cjs: do not edit.",
    "export interface GraphRequirement {",
    '  readonly kind: "query" | "mutation" | "field";',
    "  readonly type: string;",
    "  readonly field: string;",
    "  readonly permissions: readonly string[];",
    "  readonly description: string | null;",
    "}",
    "",
    `export const GRAPH_REQUIREMENTS: readonly GraphRequirement[] = ${JSON.stringify(entries, null, 2)};`,
    "",
  ].join("\n");
}

module.exports = { plugin };
