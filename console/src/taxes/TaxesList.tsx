// Taxes: the graph's `taxes` page, searchable by name or code (in the URL).
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { CatalogueList, PAGE_SIZE, useListParams } from "../catalogue/CatalogueList";
import { TaxesDocument } from "../graphql/taxes";
import { formatDecimal } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { canCreateTax } from "./actions";

export default function TaxesList() {
  const { permissions } = useSignedIn();
  const { page, search } = useListParams();
  const [{ data, fetching, error }] = useQuery({
    query: TaxesDocument,
    variables: { page, limit: PAGE_SIZE, searchTerm: search === "" ? null : search },
  });
  const taxes = data?.taxes;
  return (
    <CatalogueList
      title="Taxes"
      noun="taxes"
      newLink={canCreateTax(permissions) ? { to: "/taxes/new", label: "New tax" } : null}
      fetching={fetching}
      error={error}
      metadata={taxes?.metadata}
    >
      <Table striped highlightOnHover aria-label="Taxes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col" ta="right">
              Rate
            </Table.Th>
            <Table.Th scope="col">Organization default</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {taxes?.collection.map((tax) => (
            <Table.Tr key={tax.id}>
              <Table.Td>
                <Anchor component={Link} to={`/taxes/${tax.id}`}>
                  {tax.name}
                </Anchor>
                {tax.description && (
                  <Text size="xs" c="dimmed">
                    {tax.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{tax.code}</Table.Td>
              <Table.Td ta="right">{formatDecimal(tax.rate)} %</Table.Td>
              <Table.Td>{tax.appliedToOrganization ? "Applied to every customer" : "No"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </CatalogueList>
  );
}
