// The frame of a catalogue object's page (new or existing): breadcrumbs back to its list, the title,
// the actions, loading and not-found states.
import { Alert, Anchor, Breadcrumbs, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { CombinedError } from "urql";

import { errorMessage } from "../format";

export function DetailFrame({
  list,
  title,
  crumb,
  actions,
  children,
}: {
  readonly list: { readonly to: string; readonly label: string };
  readonly title: string;
  readonly crumb: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to={list.to}>
          {list.label}
        </Anchor>
        <Text>{crumb}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{title}</Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

/** Loading, or the object could not be loaded: null when the page can be shown. */
export function DetailState({
  fetching,
  error,
  found,
  noun,
  list,
}: {
  readonly fetching: boolean;
  readonly error: CombinedError | undefined;
  readonly found: boolean;
  readonly noun: string;
  readonly list: { readonly to: string; readonly label: string };
}) {
  if (found) return null;
  if (fetching) {
    return (
      <Center p="xl">
        <Loader aria-label={`Loading the ${noun}`} />
      </Center>
    );
  }
  return (
    <Stack>
      <Title order={1}>{noun[0]?.toUpperCase() + noun.slice(1)} not found</Title>
      <Alert color="red" role="alert" title={`The ${noun} could not be loaded`}>
        {error ? errorMessage(error) : `There is no such ${noun}.`}
      </Alert>
      <Anchor component={Link} to={list.to}>
        Back to {list.label.toLowerCase()}
      </Anchor>
    </Stack>
  );
}

/** The graph's refusal of a save: its VALIDATION_ERROR fields (shown at the inputs), else a message. */
export function refusal(error: CombinedError, fields: Record<string, string>): string | null {
  return Object.keys(fields).length > 0 ? null : errorMessage(error);
}

/** The graph's field problems that no input of the form shows (its `known` paths and their children). */
export function unplaced(fields: Record<string, string>, known: readonly string[]): string[] {
  return Object.entries(fields)
    .filter(([path]) => !known.some((name) => path === name || path.startsWith(`${name}.`)))
    .map(([path, problem]) => `${path}: ${problem}`);
}
