// The mapping editor's model: what a mapping names, in words, and its draft as the form edits it.
import type { IntegrationMappingFieldsFragment, IntegrationMappingInput, MappableType } from "../gql/graphql";
import { MAPPABLE } from "./kinds";

export interface MappableObject {
  readonly id: string;
  readonly name: string;
  readonly code: string;
}

/** The organization's objects a mapping may name, by list (null: the member may not read that list). */
export interface MappableObjects {
  readonly addOns: readonly MappableObject[] | null;
  readonly metrics: readonly MappableObject[] | null;
  readonly taxes: readonly MappableObject[] | null;
}

export interface MappingDraft {
  readonly mappableType: MappableType | null;
  readonly mappableId: string | null;
  readonly itemCode: string;
  readonly accountCode: string;
  readonly taxCode: string;
  readonly name: string;
}

export const EMPTY_DRAFT: MappingDraft = { mappableType: null, mappableId: null, itemCode: "", accountCode: "", taxCode: "", name: "" };

export function draftOf(mapping: IntegrationMappingFieldsFragment): MappingDraft {
  return {
    mappableType: mapping.mappableType,
    mappableId: mapping.mappableId ?? null,
    itemCode: mapping.itemCode ?? "",
    accountCode: mapping.accountCode ?? "",
    taxCode: mapping.taxCode ?? "",
    name: mapping.name ?? "",
  };
}

export function objectsOf(type: MappableType, objects: MappableObjects): readonly MappableObject[] | null {
  const list = MAPPABLE[type].objects;
  return list === null ? null : objects[list];
}

/** "Add-on Onboarding", "Fallback item". */
export function targetLabel(type: MappableType, mappableId: string | null | undefined, objects: MappableObjects): string {
  const spec = MAPPABLE[type];
  if (spec.objects === null) return spec.label;
  const found = objects[spec.objects]?.find((object) => object.id === mappableId);
  return found ? `${spec.label} ${found.name}` : `${spec.label} (not listed: ${mappableId ?? "none"})`;
}

/** The input setIntegrationMappings takes: empty codes sent as null, a tax's item codes left out. */
export function inputOf(draft: MappingDraft & { readonly mappableType: MappableType }): IntegrationMappingInput {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  const tax = draft.mappableType === "TAX";
  return {
    mappableType: draft.mappableType,
    mappableId: MAPPABLE[draft.mappableType].objects === null ? null : draft.mappableId,
    itemCode: tax ? null : text(draft.itemCode),
    accountCode: tax ? null : text(draft.accountCode),
    taxCode: tax ? text(draft.taxCode) : null,
    name: text(draft.name),
  };
}

/** The graph's problems of the first (only) mapping sent, by its field (`mappings.0.itemCode` → itemCode). */
export function mappingProblems(fields: Readonly<Record<string, string>>): { readonly at: Record<string, string>; readonly elsewhere: string[] } {
  const at: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, problem] of Object.entries(fields)) {
    const found = /^mappings\.0\.(mappableType|mappableId|itemCode|accountCode|taxCode|name)$/.exec(path);
    if (found?.[1]) at[found[1]] = problem;
    else elsewhere.push(problem);
  }
  return { at, elsewhere };
}
