// Revenue: MRR, gross revenue, invoiced usage per metric and outstanding invoices, by month and
// currency, each a chart with its exact figures in a table beside it. The filters (currency, customer
// with customers:view, months from/to) live in the URL; the four figures and the chosen customer's
// name come in one request (RevenueDocument). recharts loads on demand, with the charts.
import { Alert, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { errorMessage, validationFields } from "../format";
import { RevenueDocument } from "../graphql/revenue";
import { useSignedIn } from "../session/SessionProvider";
import { canFilterByCustomer } from "./actions";
import { filtersFrom, PARAM, revenueVariables, type RevenueFilters } from "./filters";
import { RevenueFilterBar } from "./RevenueFilterBar";
import { GrossRevenueSection, InvoicedUsageSection, MrrSection, OutstandingInvoicesSection } from "./sections";

export default function Revenue() {
  const { permissions } = useSignedIn();
  const withCustomer = canFilterByCustomer(permissions);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, withCustomer);
  const variables = useMemo(() => revenueVariables(filters), [filters.currency, filters.customerId, filters.fromMonth, filters.toMonth]); // eslint-disable-line react-hooks/exhaustive-deps
  const [{ data, fetching, error }] = useQuery({ query: RevenueDocument, variables });
  const errors = validationFields(error);
  const invalid = Object.keys(errors).length > 0;

  const update = useCallback(
    (filter: keyof RevenueFilters, value: string | null) => {
      const next = new URLSearchParams(params);
      if (value === null || value === "") next.delete(PARAM[filter]);
      else next.set(PARAM[filter], value);
      setParams(next);
    },
    [params, setParams],
  );

  const seenCurrencies = useMemo(() => {
    const seen = new Set<string>();
    for (const list of [data?.mrrs, data?.grossRevenues, data?.invoicedUsages, data?.outstandingInvoices]) {
      for (const row of list ?? []) seen.add(row.currency);
    }
    return [...seen];
  }, [data]);
  const chosenCustomer = data?.customer ?? null;
  const figures = data?.mrrs && data.grossRevenues && data.invoicedUsages && data.outstandingInvoices ? data : null;

  return (
    <Stack gap="lg">
      <Title order={1}>Revenue</Title>
      <RevenueFilterBar
        filters={filters}
        withCustomer={withCustomer}
        chosenCustomer={chosenCustomer}
        seenCurrencies={seenCurrencies}
        errors={errors}
        onChange={update}
        onClear={() => setParams(new URLSearchParams())}
      />
      {chosenCustomer && (
        <Text size="sm">
          Figures of {chosenCustomer.name} ({chosenCustomer.externalId}) only.
        </Text>
      )}
      {error && !invalid && !figures && (
        <Alert color="red" title="The figures could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!figures && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading revenue" />
        </Center>
      )}
      {figures && (
        <>
          <MrrSection rows={figures.mrrs ?? []} />
          <GrossRevenueSection rows={figures.grossRevenues ?? []} />
          <InvoicedUsageSection rows={figures.invoicedUsages ?? []} />
          <OutstandingInvoicesSection rows={figures.outstandingInvoices ?? []} />
        </>
      )}
    </Stack>
  );
}
