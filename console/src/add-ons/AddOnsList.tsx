// Add-ons: the graph's `addOns` page, searchable by name or code (in the URL); amounts from integer
// minor units.
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { CatalogueList, PAGE_SIZE, useListParams } from "../catalogue/CatalogueList";
import { AddOnsDocument } from "../graphql/addOns";
import { formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { canCreateAddOn, canSeeTaxes } from "./actions";

export default function AddOnsList() {
  const { permissions } = useSignedIn();
  const { page, search } = useListParams();
  const withTaxes = canSeeTaxes(permissions);
  const [{ data, fetching, error }] = useQuery({
    query: AddOnsDocument,
    variables: { page, limit: PAGE_SIZE, searchTerm: search === "" ? null : search, withTaxes },
  });
  const addOns = data?.addOns;
  return (
    <CatalogueList
      title="Add-ons"
      noun="add-ons"
      newLink={canCreateAddOn(permissions) ? { to: "/add-ons/new", label: "New add-on" } : null}
      fetching={fetching}
      error={error}
      metadata={addOns?.metadata}
    >
      <Table striped highlightOnHover aria-label="Add-ons">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col" ta="right">
              Amount
            </Table.Th>
            {withTaxes && <Table.Th scope="col">Taxes</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {addOns?.collection.map((addOn) => (
            <Table.Tr key={addOn.id}>
              <Table.Td>
                <Anchor component={Link} to={`/add-ons/${addOn.id}`}>
                  {addOn.name}
                </Anchor>
                {addOn.description && (
                  <Text size="xs" c="dimmed">
                    {addOn.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{addOn.code}</Table.Td>
              <Table.Td ta="right">{formatMinor(addOn.amountCents, addOn.amountCurrency)}</Table.Td>
              {withTaxes && <Table.Td>{addOn.taxes?.length ? addOn.taxes.map((t) => t.code).join(", ") : "—"}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </CatalogueList>
  );
}
