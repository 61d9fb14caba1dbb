// Invoices: the graph's `invoices` page with every filter it offers (status, type, payment status,
// customer, issuing dates, number search); the page and the filters live in the URL so a reload, a
// shared link or a new sign-in opens the same list. The CSV export sits below for invoices:export.
import {
  Alert,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import type { InvoicePaymentStatus, InvoiceStatus, InvoiceTypeEnum } from "../gql/graphql";
import {
  InvoiceCustomerDocument,
  InvoiceCustomerOptionsDocument,
  InvoicesDocument,
} from "../graphql/invoices";
import { useSignedIn } from "../session/SessionProvider";
import { canExport } from "./actions";
import { InvoiceExport } from "./InvoiceExport";
import { InvoicesTable } from "./InvoicesTable";
import { PAYMENT_STATUS_LABEL, STATUS_LABEL, TYPE_LABEL } from "./labels";
import { PagePicker } from "../shell/PagePicker";

export const PAGE_SIZE = 50;

function pageFrom(value: string | null): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function listFrom<T extends string>(value: string | null, allowed: Readonly<Record<T, string>>): T[] {
  if (value === null || value === "") return [];
  return value.split(",").filter((item): item is T => Object.hasOwn(allowed, item));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateFrom(value: string | null): string | null {
  return value !== null && DATE.test(value) ? value : null;
}

function CustomerFilter({ value, onChange }: { readonly value: string | null; readonly onChange: (id: string | null) => void }) {
  const [typed, setTyped] = useState("");
  const [debounced] = useDebouncedValue(typed.trim(), 300);
  const [options] = useQuery({
    query: InvoiceCustomerOptionsDocument,
    variables: { searchTerm: debounced === "" ? null : debounced, limit: 20 },
  });
  const [chosen] = useQuery({
    query: InvoiceCustomerDocument,
    variables: { id: value ?? "" },
    pause: value === null,
  });
  const data = useMemo(() => {
    const found = options.data?.customers?.collection ?? [];
    const selected = value !== null ? chosen.data?.customer : null;
    const all = selected && !found.some((c) => c.id === selected.id) ? [selected, ...found] : found;
    return all.map((c) => ({ value: c.id, label: `${c.name} (${c.externalId})` }));
  }, [options.data, chosen.data, value]);
  return (
    <Select
      label="Customer"
      placeholder="Any customer"
      searchable
      clearable
      nothingFoundMessage="No customer matches"
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setTyped}
      filter={({ options: all }) => all}
    />
  );
}

export default function InvoicesList() {
  const { permissions } = useSignedIn();
  const withCustomer = permissions.has("customers:view");
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get("page"));
  const search = params.get("q") ?? "";
  const status = listFrom<InvoiceStatus>(params.get("status"), STATUS_LABEL);
  const paymentStatus = listFrom<InvoicePaymentStatus>(params.get("payment"), PAYMENT_STATUS_LABEL);
  const invoiceType = listFrom<InvoiceTypeEnum>(params.get("type"), TYPE_LABEL);
  const customerId = withCustomer ? params.get("customer") : null;
  const issuedFrom = dateFrom(params.get("from"));
  const issuedTo = dateFrom(params.get("to"));
  const [typed, setTyped] = useState(search);
  const [debounced] = useDebouncedValue(typed.trim(), 300);

  const update = useCallback(
    (name: string, value: string | null, replace = false) => {
      const next = new URLSearchParams(params);
      if (value === null || value === "") next.delete(name);
      else next.set(name, value);
      next.delete("page");
      setParams(next, { replace });
    },
    [params, setParams],
  );

  useEffect(() => {
    if (debounced === search) return;
    update("q", debounced, true);
  }, [debounced, search, update]);

  const [{ data, fetching, error }] = useQuery({
    query: InvoicesDocument,
    variables: {
      page,
      limit: PAGE_SIZE,
      searchTerm: search === "" ? null : search,
      status: status.length ? status : null,
      paymentStatus: paymentStatus.length ? paymentStatus : null,
      invoiceType: invoiceType.length ? invoiceType : null,
      customerId,
      issuingDateFrom: issuedFrom,
      issuingDateTo: issuedTo,
      withCustomer,
    },
  });
  const invoices = data?.invoices;
  const metadata = invoices?.metadata;
  const filtered =
    search !== "" || status.length + paymentStatus.length + invoiceType.length > 0 || customerId !== null || issuedFrom !== null || issuedTo !== null;

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    setParams(next);
  }

  return (
    <Stack gap="md">
      <Title order={1}>Invoices</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput
          label="Search invoices"
          description="Invoice number"
          type="search"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        {withCustomer && <CustomerFilter value={customerId} onChange={(id) => update("customer", id)} />}
        <TextInput
          label="Issued from"
          type="date"
          value={issuedFrom ?? ""}
          onChange={(event) => update("from", event.currentTarget.value)}
        />
        <TextInput
          label="Issued to"
          type="date"
          value={issuedTo ?? ""}
          onChange={(event) => update("to", event.currentTarget.value)}
        />
      </SimpleGrid>
      <Group align="flex-start" gap="xl">
        <Checkbox.Group label="Status" value={status} onChange={(v) => update("status", v.join(","))}>
          <Group mt="xs">
            {(Object.keys(STATUS_LABEL) as InvoiceStatus[]).map((s) => (
              <Checkbox key={s} value={s} label={STATUS_LABEL[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label="Payment" value={paymentStatus} onChange={(v) => update("payment", v.join(","))}>
          <Group mt="xs">
            {(Object.keys(PAYMENT_STATUS_LABEL) as InvoicePaymentStatus[]).map((s) => (
              <Checkbox key={s} value={s} label={PAYMENT_STATUS_LABEL[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label="Type" value={invoiceType} onChange={(v) => update("type", v.join(","))}>
          <Group mt="xs">
            {(Object.keys(TYPE_LABEL) as InvoiceTypeEnum[]).map((s) => (
              <Checkbox key={s} value={s} label={TYPE_LABEL[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        {filtered && (
          <Button
            variant="subtle"
            mt="lg"
            onClick={() => {
              setTyped("");
              setParams(new URLSearchParams());
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {error && !data && (
        <Alert color="red" title="The invoices could not be loaded" role="alert">
          {error.message}
        </Alert>
      )}
      {!invoices && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading invoices" />
        </Center>
      )}
      {invoices && (
        <>
          <Text size="sm" aria-live="polite">
            {metadata && metadata.totalCount === 0
              ? filtered
                ? "No invoice matches these filters."
                : "No invoices yet."
              : `${metadata?.totalCount ?? 0} invoices${filtered ? " matching these filters" : ""}`}
          </Text>
          {invoices.collection.length > 0 && (
            <InvoicesTable rows={invoices.collection} withCustomer={withCustomer} />
          )}
          <PagePicker metadata={metadata} label={"Invoice"} onChange={goTo} />
        </>
      )}
      {canExport(permissions) && <InvoiceExport />}
    </Stack>
  );
}
