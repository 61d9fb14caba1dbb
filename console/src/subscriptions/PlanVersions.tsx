// The plan versions a subscription is priced by: each version of its plan (newest first, as the
// graph gives them), when it came into force, its fee, and what changed from the version before;
// the one pricing the current billing period is marked (a period is priced by the version in force
// at its start).
import { Badge, Stack, Table, Text, Title } from "@mantine/core";

import { formatDateTime } from "../format";
import { formatMinor } from "../money";
import { chargeName, samePrices, type Charge } from "./prices";

export interface Version {
  readonly id: string;
  readonly number: number;
  readonly effectiveFrom: string;
  readonly amountCents: string | number;
  readonly charges: readonly Charge[];
}

/** What changed from `before` to `version`, in words. */
function changes(version: Version, before: Version | undefined, currency: string): readonly string[] {
  if (!before) return ["The first prices of the plan."];
  const found: string[] = [];
  if (String(before.amountCents) !== String(version.amountCents)) {
    found.push(`Fee ${formatMinor(before.amountCents, currency)} → ${formatMinor(version.amountCents, currency)}`);
  }
  version.charges.forEach((charge, index) => {
    const earlier = before.charges[index];
    const name = chargeName(charge, index);
    if (!earlier) found.push(`${name}: added`);
    else if (earlier.chargeModel !== charge.chargeModel) found.push(`${name}: now ${charge.chargeModel.toLowerCase()}`);
    else if (!samePrices(earlier.properties, charge.properties)) found.push(`${name}: prices changed`);
  });
  for (let index = version.charges.length; index < before.charges.length; index += 1) {
    const removed = before.charges[index];
    if (removed) found.push(`${chargeName(removed, index)}: removed`);
  }
  return found.length > 0 ? found : ["No price changed."];
}

/** The version pricing a period that starts at `start`: the latest in force by then. */
export function versionAt(versions: readonly Version[], start: string | null): Version | undefined {
  if (start === null) return versions[0];
  const at = new Date(start).getTime();
  return versions.find((v) => new Date(v.effectiveFrom).getTime() <= at) ?? versions[versions.length - 1];
}

export function PlanVersions({
  versions,
  currency,
  periodStart,
}: {
  readonly versions: readonly Version[];
  readonly currency: string;
  readonly periodStart: string | null;
}) {
  if (versions.length === 0) return null;
  const current = versionAt(versions, periodStart);
  return (
    <Stack gap="xs" component="section" aria-labelledby="plan-versions-title">
      <Title order={2} size="h3" id="plan-versions-title">
        Plan versions
      </Title>
      <Text size="sm">A price change adds a version; each billing period is priced by the version in force at its start.</Text>
      <Table aria-label="Plan versions" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">In force from</Table.Th>
            <Table.Th scope="col">Fee</Table.Th>
            <Table.Th scope="col">What changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version, index) => (
            <Table.Tr key={version.id}>
              <Table.Th scope="row">
                {version.number}{" "}
                {current?.id === version.id && (
                  <Badge color="teal.9" variant="filled" ml={4}>
                    In force now
                  </Badge>
                )}
              </Table.Th>
              <Table.Td>{formatDateTime(version.effectiveFrom)}</Table.Td>
              <Table.Td>{formatMinor(version.amountCents, currency)}</Table.Td>
              <Table.Td>
                {changes(version, versions[index + 1], currency).map((line) => (
                  <Text size="sm" key={line}>
                    {line}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
