// One customer: a header, then the tabs of ./tabs.ts the member may open; the open tab lives in the
// URL (`?tab=`), so a reload or a shared link opens the same one. One request for the customer,
// one for the open tab.
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { Suspense } from "react";
import { Link, useParams, useSearchParams } from "react-router";

import { canCreateInvoice } from "../invoices/actions";
import { ObjectHistoryLink } from "../audit/ObjectHistoryLink";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { useCustomerQuery } from "./customerQuery";
import { customerTabs } from "./tabs";

export default function CustomerDetail() {
  const { id = "" } = useParams();
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useCustomerQuery(id);
  const customer = data?.customer;
  useDocumentTitle(customer ? customer.name : "Customer");
  const tabs = customerTabs(permissions);
  const asked = params.get("tab");
  const open = tabs.find((tab) => tab.id === asked) ?? tabs[0];

  function choose(value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === tabs[0]?.id) next.delete("tab");
    else next.set("tab", value);
    setParams(next, { replace: true });
  }

  if (fetching && !data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the customer" />
      </Center>
    );
  }
  if (error && !data) {
    return (
      <Alert color="red" title="The customer could not be loaded" role="alert">
        {error.message}
      </Alert>
    );
  }
  if (!customer) {
    return (
      <Stack>
        <Title order={1}>Customer not found</Title>
        <Text>
          This customer does not exist in this organization. <Anchor component={Link} to="/customers">Back to the customers</Anchor>
        </Text>
      </Stack>
    );
  }
  const summary = { id: customer.id, externalId: customer.externalId, name: customer.name, currency: customer.currency ?? null };
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        <Text>{customer.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{customer.name}</Title>
          <Text c="dimmed">
            {customer.externalId}
            {customer.currency ? ` · ${customer.currency}` : ""}
          </Text>
        </div>
        {canCreateInvoice(permissions) && (
          <Button component={Link} to={`/customers/${customer.id}/invoices/new`}>
            New one-off invoice
          </Button>
        )}
        <ObjectHistoryLink objectType="Customer" objectId={customer.id} />
      </Group>
      {open && (
        <Tabs value={open.id} onChange={choose} keepMounted={false}>
          <Tabs.List aria-label="Customer sections">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.id} value={tab.id} pt="md">
              <Suspense
                fallback={
                  <Center p="xl">
                    <Loader aria-label={`Loading ${tab.label}`} />
                  </Center>
                }
              >
                <tab.panel customer={summary} />
              </Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
