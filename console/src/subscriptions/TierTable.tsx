// The tiers of a graduated or volume charge: from, to, price per unit and flat fee of each; the last
// tier is open-ended. Every input is labelled (visually by its column), every problem shown at it.
import { Button, Group, Table, Text, TextInput } from "@mantine/core";

import { addTier, removeTier, setTierEnd, type TierDraft } from "./priceDraft";

export interface TierTableProps {
  /** The charge's name, in every label ("Active seats: tier 2, from"). */
  readonly name: string;
  readonly tiers: readonly TierDraft[];
  readonly currency: string;
  /** The input path of the ranges (…properties.graduatedRanges). */
  readonly path: string;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (tiers: readonly TierDraft[]) => void;
}

const hidden = { className: "mantine-visually-hidden" };

export function TierTable({ name, tiers, currency, path, errorAt, onChange }: TierTableProps) {
  const set = (index: number, change: Partial<TierDraft>) =>
    onChange(tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier)));
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={`${name}: tiers`} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Tier</Table.Th>
              <Table.Th scope="col">From (units)</Table.Th>
              <Table.Th scope="col">To (units)</Table.Th>
              <Table.Th scope="col">Per unit ({currency})</Table.Th>
              <Table.Th scope="col">Flat fee ({currency})</Table.Th>
              <Table.Th scope="col">
                <span className="mantine-visually-hidden">Remove</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.map((tier, index) => {
              const at = `${path}.${index}`;
              const label = `${name}: tier ${index + 1}`;
              const last = index === tiers.length - 1;
              return (
                <Table.Tr key={index}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <TextInput
                      label={`${label}, from`}
                      labelProps={hidden}
                      inputMode="decimal"
                      w={130}
                      value={tier.from}
                      error={errorAt(`${at}.fromValue`)}
                      onChange={(event) => set(index, { from: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {last ? (
                      <Text size="sm">and above (open-ended)</Text>
                    ) : (
                      <TextInput
                        label={`${label}, to`}
                        labelProps={hidden}
                        inputMode="decimal"
                        w={130}
                        value={tier.to}
                        error={errorAt(`${at}.toValue`)}
                        onChange={(event) => onChange(setTierEnd(tiers, index, event.currentTarget.value))}
                      />
                    )}
                    {last && errorAt(`${at}.toValue`) !== undefined && (
                      <Text size="sm" c="red.9" role="alert">
                        {errorAt(`${at}.toValue`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      label={`${label}, per unit`}
                      labelProps={hidden}
                      inputMode="decimal"
                      w={130}
                      value={tier.perUnit}
                      error={errorAt(`${at}.perUnitAmount`)}
                      onChange={(event) => set(index, { perUnit: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      label={`${label}, flat fee`}
                      labelProps={hidden}
                      inputMode="decimal"
                      w={130}
                      value={tier.flat}
                      error={errorAt(`${at}.flatAmount`)}
                      onChange={(event) => set(index, { flat: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="default"
                      size="xs"
                      disabled={tiers.length === 1}
                      onClick={() => onChange(removeTier(tiers, index))}
                      aria-label={`Remove ${label}`}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errorAt(path) !== undefined && (
        <Text size="sm" c="red.9" role="alert">
          {errorAt(path)}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange(addTier(tiers))} aria-label={`Add a tier to ${name}`}>
          Add a tier
        </Button>
      </Group>
    </>
  );
}
