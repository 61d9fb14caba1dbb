// One charge's negotiated prices, in the form of its charge model: standard (price per unit), package
// (price, size, free units), graduated and volume (tiers), percentage (rate, fixed fee, free events or
// amount, per-event minimum and maximum). Prices are decimal strings in the plan's currency, sent as
// typed: the graph checks and normalizes them as it does a plan's, and its problems show here.
import { Group, Text, TextInput } from "@mantine/core";

import type { ChargeModel } from "../gql/graphql";
import type { ChargeDraft } from "./priceDraft";
import { TierTable } from "./TierTable";

export interface ChargeEditorProps {
  readonly name: string;
  readonly model: ChargeModel;
  readonly currency: string;
  readonly draft: ChargeDraft;
  /** The input path of the charge's properties (planOverrides.charges.N.properties). */
  readonly path: string;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (draft: ChargeDraft) => void;
}

type Key = Exclude<keyof ChargeDraft, "negotiated" | "tiers">;

interface FieldSpec {
  readonly key: Key;
  readonly label: string;
  readonly description?: string;
  readonly numeric: "decimal" | "numeric";
}

function fieldsOf(model: ChargeModel, currency: string): readonly FieldSpec[] {
  switch (model) {
    case "STANDARD":
      return [{ key: "amount", label: `price per unit (${currency})`, numeric: "decimal" }];
    case "PACKAGE":
      return [
        { key: "amount", label: `price per package (${currency})`, numeric: "decimal" },
        { key: "packageSize", label: "package size (units)", numeric: "numeric" },
        { key: "freeUnits", label: "free units", description: "Units not billed each period", numeric: "numeric" },
      ];
    case "PERCENTAGE":
      return [
        { key: "rate", label: "rate (%)", numeric: "decimal" },
        { key: "fixedAmount", label: `fixed fee per event (${currency})`, description: "Optional", numeric: "decimal" },
        { key: "freeUnitsPerEvents", label: "free events", description: "Optional: first events not billed", numeric: "numeric" },
        {
          key: "freeUnitsPerTotalAggregation",
          label: `free amount (${currency})`,
          description: "Optional: first amount not billed",
          numeric: "decimal",
        },
        { key: "perTransactionMinAmount", label: `minimum per event (${currency})`, description: "Optional", numeric: "decimal" },
        { key: "perTransactionMaxAmount", label: `maximum per event (${currency})`, description: "Optional", numeric: "decimal" },
      ];
    default:
      return [];
  }
}

export function ChargeEditor({ name, model, currency, draft, path, errorAt, onChange }: ChargeEditorProps) {
  const problem = errorAt(path);
  const tiered = model === "GRADUATED" || model === "VOLUME";
  const ranges = `${path}.${model === "GRADUATED" ? "graduatedRanges" : "volumeRanges"}`;
  return (
    <>
      {tiered ? (
        <TierTable
          name={name}
          tiers={draft.tiers}
          currency={currency}
          path={ranges}
          errorAt={errorAt}
          onChange={(tiers) => onChange({ ...draft, tiers })}
        />
      ) : (
        <Group align="flex-start">
          {fieldsOf(model, currency).map((field) => (
            <TextInput
              key={field.key}
              label={`${name}: ${field.label}`}
              description={field.description}
              inputMode={field.numeric}
              w={220}
              value={draft[field.key]}
              error={errorAt(`${path}.${field.key}`)}
              onChange={(event) => onChange({ ...draft, [field.key]: event.currentTarget.value })}
            />
          ))}
        </Group>
      )}
      {problem !== undefined && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
}
