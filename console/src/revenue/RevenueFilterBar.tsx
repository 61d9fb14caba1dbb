// The Revenue screen's filters: currency, customer (only with customers:view: its options are loaded
// when the list is opened or searched, never for the first render), and the months from/to. Each
// change goes to the URL; the graph's VALIDATION_ERROR shows at its input.
import { Button, Group, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useQuery } from "urql";

import { RevenueCustomerOptionsDocument } from "../graphql/revenue";
import type { RevenueFilters } from "./filters";

interface CustomerOption {
  readonly id: string;
  readonly name: string;
  readonly externalId: string;
}

const ALL_CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");

function CustomerSelect({
  value,
  chosen,
  onChange,
}: {
  readonly value: string | null;
  readonly chosen: CustomerOption | null;
  readonly onChange: (id: string | null) => void;
}) {
  const [wanted, setWanted] = useState(false);
  const [typed, setTyped] = useState("");
  const [debounced] = useDebouncedValue(typed.trim(), 300);
  const [options] = useQuery({
    query: RevenueCustomerOptionsDocument,
    variables: { searchTerm: debounced === "" ? null : debounced, limit: 20 },
    pause: !wanted,
  });
  const data = useMemo(() => {
    const found = options.data?.customers?.collection ?? [];
    const all = chosen && !found.some((c) => c.id === chosen.id) ? [chosen, ...found] : found;
    return all.map((c) => ({ value: c.id, label: `${c.name} (${c.externalId})` }));
  }, [options.data, chosen]);
  return (
    <Select
      label="Customer"
      placeholder="All customers"
      searchable
      clearable
      nothingFoundMessage={options.fetching ? "Loading customers…" : "No customer matches"}
      data={data}
      value={value}
      onChange={onChange}
      onDropdownOpen={() => setWanted(true)}
      onSearchChange={(search) => {
        setTyped(search);
        if (search !== "") setWanted(true);
      }}
      filter={({ options: all }) => all}
    />
  );
}

export interface RevenueFilterBarProps {
  readonly filters: RevenueFilters;
  readonly withCustomer: boolean;
  /** The chosen customer, as the figures' answer names it. */
  readonly chosenCustomer: CustomerOption | null;
  /** Currencies of the figures shown, offered first. */
  readonly seenCurrencies: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (filter: keyof RevenueFilters, value: string | null) => void;
  readonly onClear: () => void;
}

export function RevenueFilterBar({
  filters,
  withCustomer,
  chosenCustomer,
  seenCurrencies,
  errors,
  onChange,
  onClear,
}: RevenueFilterBarProps) {
  const currencies = useMemo(() => {
    const first = [...new Set([...seenCurrencies, ...(filters.currency ? [filters.currency] : [])])].sort();
    const rest = ALL_CURRENCIES.filter((code) => !first.includes(code));
    return [
      ...(first.length ? [{ group: "In these figures", items: first }] : []),
      { group: "All currencies", items: rest },
    ];
  }, [seenCurrencies, filters.currency]);
  const filtered = Object.values(filters).some((value) => value !== null);
  return (
    <Group align="flex-end" gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: withCustomer ? 4 : 3 }} style={{ flex: 1 }}>
        <Select
          label="Currency"
          placeholder="All currencies"
          searchable
          clearable
          data={currencies}
          value={filters.currency}
          onChange={(value) => onChange("currency", value)}
          error={errors["currency"]}
        />
        {withCustomer && (
          <CustomerSelect value={filters.customerId} chosen={chosenCustomer} onChange={(id) => onChange("customerId", id)} />
        )}
        <TextInput
          label="From month"
          type="month"
          description={filters.fromMonth || filters.toMonth ? undefined : "Default: the last twelve months"}
          value={filters.fromMonth ?? ""}
          onChange={(event) => onChange("fromMonth", event.currentTarget.value)}
          error={errors["fromMonth"]}
        />
        <TextInput
          label="To month"
          type="month"
          value={filters.toMonth ?? ""}
          onChange={(event) => onChange("toMonth", event.currentTarget.value)}
          error={errors["toMonth"]}
        />
      </SimpleGrid>
      {filtered && (
        <Button variant="subtle" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
