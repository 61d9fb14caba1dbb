// A page of invoices as a table, shared by the invoices list and a customer's invoices tab.
import { Anchor, Badge, Table } from "@mantine/core";
import { Link } from "react-router";

import { formatDate } from "../format";
import type { InvoicesQuery } from "../gql/graphql";
import { formatMinor } from "../money";
import { PAYMENT_STATUS_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from "./labels";

export type InvoiceRow = NonNullable<InvoicesQuery["invoices"]>["collection"][number];

export function InvoicesTable({
  rows,
  withCustomer,
  label = "Invoices",
}: {
  readonly rows: readonly InvoiceRow[];
  /** Whether to show the customer column (the list; not a customer's own tab). */
  readonly withCustomer: boolean;
  readonly label?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Number</Table.Th>
            {withCustomer && <Table.Th scope="col">Customer</Table.Th>}
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Payment</Table.Th>
            <Table.Th scope="col">Issued</Table.Th>
            <Table.Th scope="col" ta="right">
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((invoice) => (
            <Table.Tr key={invoice.id}>
              <Table.Td>
                <Anchor component={Link} to={`/invoices/${invoice.id}`}>
                  {invoice.number}
                </Anchor>
              </Table.Td>
              {withCustomer && <Table.Td>{invoice.customer?.name ?? "—"}</Table.Td>}
              <Table.Td>{TYPE_LABEL[invoice.invoiceType]}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[invoice.status]} variant="light">
                  {STATUS_LABEL[invoice.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{PAYMENT_STATUS_LABEL[invoice.paymentStatus]}</Table.Td>
              <Table.Td>{formatDate(invoice.issuingDate)}</Table.Td>
              <Table.Td ta="right">{formatMinor(invoice.totalAmountCents, invoice.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
