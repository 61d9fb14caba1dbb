// The lines of a one-off invoice: per line an add-on, its units, an optional unit amount (default:
// the add-on's price) and an optional description; each input shows its own error (the form's local
// check or the graph's `fees.N.<field>`).
import { Button, Fieldset, Group, Select, TextInput } from "@mantine/core";

import type { OneOffInvoiceFormQuery } from "../gql/graphql";
import { formatMinor } from "../money";

export type AddOnOption = NonNullable<OneOffInvoiceFormQuery["addOns"]>["collection"][number];

export interface LineDraft {
  /** Stable across removals (React's key); the line's position gives its `fees.N` path. */
  readonly key: number;
  readonly addOnId: string | null;
  readonly units: string;
  readonly unitAmount: string;
  readonly description: string;
}

export function emptyLine(key: number): LineDraft {
  return { key, addOnId: null, units: "1", unitAmount: "", description: "" };
}

interface LineProps {
  readonly index: number;
  readonly line: LineDraft;
  readonly addOns: readonly AddOnOption[];
  /** Problems by field of OneOffFeeInput (addOnId, units, unitAmountCents, description). */
  readonly errors: Readonly<Record<string, string | undefined>>;
  readonly removable: boolean;
  readonly onChange: (line: LineDraft) => void;
  readonly onRemove: () => void;
}

export function OneOffLine({ index, line, addOns, errors, removable, onChange, onRemove }: LineProps) {
  const addOn = addOns.find((candidate) => candidate.id === line.addOnId);
  const number = index + 1;
  return (
    <Fieldset legend={`Line ${number}`} variant="filled">
      <Group align="flex-start" wrap="wrap">
        <Select
          label="Add-on"
          withAsterisk
          w={300}
          searchable
          nothingFoundMessage="No such add-on"
          data={addOns.map((option) => ({
            value: option.id,
            label: `${option.name} (${formatMinor(option.amountCents, option.amountCurrency)})`,
          }))}
          value={line.addOnId}
          error={errors["addOnId"]}
          onChange={(value) => onChange({ ...line, addOnId: value })}
        />
        <TextInput
          label="Units"
          inputMode="decimal"
          w={120}
          value={line.units}
          error={errors["units"]}
          onChange={(event) => onChange({ ...line, units: event.currentTarget.value })}
        />
        <TextInput
          label="Unit amount"
          description={addOn ? `Default: ${formatMinor(addOn.amountCents, addOn.amountCurrency)}` : "Default: the add-on's price"}
          inputMode="decimal"
          w={200}
          value={line.unitAmount}
          error={errors["unitAmountCents"]}
          onChange={(event) => onChange({ ...line, unitAmount: event.currentTarget.value })}
        />
        <TextInput
          label="Description"
          description={addOn ? `Default: ${addOn.invoiceDisplayName ?? addOn.name}` : "Default: the add-on's name"}
          w={300}
          value={line.description}
          error={errors["description"]}
          onChange={(event) => onChange({ ...line, description: event.currentTarget.value })}
        />
        {removable && (
          <Button variant="default" mt={44} onClick={onRemove}>
            {`Remove line ${number}`}
          </Button>
        )}
      </Group>
    </Fieldset>
  );
}
