// The frame every catalogue list shares (billable metrics, add-ons, coupons, taxes): a title, the
// "New" link when the domain's predicate allows it, a search by name or code and the page, both kept
// in the URL, the count, the table and the page picker.
import { Alert, Button, Center, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import type { CombinedError } from "urql";

import { errorMessage } from "../format";
import { PagePicker, type PageMetadata } from "../shell/PagePicker";

export const PAGE_SIZE = 50;

export interface ListParams {
  readonly page: number;
  readonly search: string;
}

/** The page and the search of a list, from the URL. */
export function useListParams(): ListParams {
  const [params] = useSearchParams();
  const page = Number(params.get("page") ?? "1");
  return { page: Number.isInteger(page) && page >= 1 ? page : 1, search: params.get("q") ?? "" };
}

export function CatalogueList({
  title,
  noun,
  newLink,
  fetching,
  error,
  metadata,
  children,
}: {
  readonly title: string;
  /** Plural, lower case ("billable metrics"). */
  readonly noun: string;
  /** The "New …" link, when the member may create one. */
  readonly newLink: { readonly to: string; readonly label: string } | null;
  readonly fetching: boolean;
  readonly error: CombinedError | undefined;
  readonly metadata: (PageMetadata & { readonly totalCount: number }) | undefined;
  readonly children: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const { search } = useListParams();
  const [typed, setTyped] = useState(search);
  const [debounced] = useDebouncedValue(typed.trim(), 300);

  useEffect(() => {
    if (debounced === search) return;
    const next = new URLSearchParams(params);
    if (debounced === "") next.delete("q");
    else next.set("q", debounced);
    next.delete("page");
    setParams(next, { replace: true });
  }, [debounced, search, params, setParams]);

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    setParams(next);
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{title}</Title>
        {newLink && (
          <Button component={Link} to={newLink.to}>
            {newLink.label}
          </Button>
        )}
      </Group>
      <TextInput
        label={`Search ${noun}`}
        description="Name or code"
        type="search"
        maw={420}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
      {error && !metadata && (
        <Alert color="red" title={`The ${noun} could not be loaded`} role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!metadata && fetching && (
        <Center p="xl">
          <Loader aria-label={`Loading ${noun}`} />
        </Center>
      )}
      {metadata && (
        <>
          <Text size="sm" aria-live="polite">
            {metadata.totalCount === 0
              ? search === ""
                ? `No ${noun} yet.`
                : `Nothing matches “${search}”.`
              : `${metadata.totalCount} ${noun}${search === "" ? "" : ` matching “${search}”`}`}
          </Text>
          {metadata.totalCount > 0 && children}
          <PagePicker metadata={metadata} label={title} onChange={goTo} />
        </>
      )}
    </Stack>
  );
}
