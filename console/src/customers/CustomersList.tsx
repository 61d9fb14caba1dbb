// Customers: the graph's `customers` page, searchable; the page and the search live in the URL so
// a reload, a shared link or a new sign-in opens the same list.
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { CustomersDocument } from "../graphql/customers";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { canCreateCustomer } from "./actions";

export const PAGE_SIZE = 50;

function pageFrom(value: string | null): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export default function CustomersList() {
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get("page"));
  const search = params.get("q") ?? "";
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

  const [{ data, fetching, error }] = useQuery({
    query: CustomersDocument,
    variables: { page, limit: PAGE_SIZE, searchTerm: search === "" ? null : search },
  });
  const customers = data?.customers;
  const metadata = customers?.metadata;

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    setParams(next);
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>Customers</Title>
        {canCreateCustomer(permissions) && (
          <Button component={Link} to="/customers/new">
            New customer
          </Button>
        )}
      </Group>
      <TextInput
        label="Search customers"
        description="Name, external id or email"
        type="search"
        maw={420}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
      {error && !data && (
        <Alert color="red" title="The customers could not be loaded" role="alert">
          {error.message}
        </Alert>
      )}
      {!customers && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading customers" />
        </Center>
      )}
      {customers && (
        <>
          <Text size="sm" aria-live="polite">
            {metadata && metadata.totalCount === 0
              ? search === ""
                ? "No customers yet."
                : `No customer matches “${search}”.`
              : `${metadata?.totalCount ?? 0} customers${search === "" ? "" : ` matching “${search}”`}`}
          </Text>
          {customers.collection.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover aria-label="Customers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">External id</Table.Th>
                    <Table.Th scope="col">Email</Table.Th>
                    <Table.Th scope="col">Currency</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {customers.collection.map((customer) => (
                    <Table.Tr key={customer.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${customer.id}`}>
                          {customer.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{customer.externalId}</Table.Td>
                      <Table.Td>{customer.email ?? "—"}</Table.Td>
                      <Table.Td>{customer.currency ?? "—"}</Table.Td>
                      <Table.Td>{dateFormat.format(new Date(customer.createdAt))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <PagePicker metadata={metadata} label={"Customer"} onChange={goTo} />
        </>
      )}
    </Stack>
  );
}
