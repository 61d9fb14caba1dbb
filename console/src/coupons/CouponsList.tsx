// Coupons: the graph's `coupons` page, searchable by name or code (in the URL).
import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { CatalogueList, PAGE_SIZE, useListParams } from "../catalogue/CatalogueList";
import { CouponsDocument } from "../graphql/coupons";
import { useSignedIn } from "../session/SessionProvider";
import { canCreateCoupon } from "./actions";
import { COUPON_STATUS_LABEL, couponExpiry, couponFrequency, couponValue } from "./labels";

export default function CouponsList() {
  const { permissions } = useSignedIn();
  const { page, search } = useListParams();
  const [{ data, fetching, error }] = useQuery({
    query: CouponsDocument,
    variables: { page, limit: PAGE_SIZE, searchTerm: search === "" ? null : search, withPlans: false, withMetrics: false },
  });
  const coupons = data?.coupons;
  return (
    <CatalogueList
      title="Coupons"
      noun="coupons"
      newLink={canCreateCoupon(permissions) ? { to: "/coupons/new", label: "New coupon" } : null}
      fetching={fetching}
      error={error}
      metadata={coupons?.metadata}
    >
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-label="Coupons">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Frequency</Table.Th>
              <Table.Th scope="col">Expiry</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {coupons?.collection.map((coupon) => (
              <Table.Tr key={coupon.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/coupons/${coupon.id}`}>
                    {coupon.name}
                  </Anchor>
                  {coupon.description && (
                    <Text size="xs" c="dimmed">
                      {coupon.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{coupon.code}</Table.Td>
                <Table.Td>{couponValue(coupon)}</Table.Td>
                <Table.Td>{couponFrequency(coupon)}</Table.Td>
                <Table.Td>{couponExpiry(coupon)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={coupon.status === "ACTIVE" ? "blue.8" : "dark"}>
                    {COUPON_STATUS_LABEL[coupon.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </CatalogueList>
  );
}
