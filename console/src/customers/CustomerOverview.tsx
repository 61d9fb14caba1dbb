// The overview tab: who the customer is and how they are billed (the page already loaded it).
import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

import { formatDate } from "../format";
import { useCustomerQuery } from "./customerQuery";
import type { CustomerTabProps } from "./tabs";

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

export default function CustomerOverview({ customer }: CustomerTabProps) {
  // The page's own query, answered from the client's cache: no second request.
  const [{ data }] = useCustomerQuery(customer.id, { fromCache: true });
  const detail = data?.customer;
  if (!detail) return null;
  const address = detail.billingAddress;
  const addressText = address
    ? [address.addressLine1, address.addressLine2, [address.zipcode, address.city].filter(Boolean).join(" "), address.state, address.country]
        .filter((part) => part && part.trim() !== "")
        .join(", ")
    : "";
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
      <Field label="External id">{detail.externalId}</Field>
      <Field label="Legal name">{detail.legalName ?? "—"}</Field>
      <Field label="Email">{detail.email ?? "—"}</Field>
      <Field label="Phone">{detail.phone ?? "—"}</Field>
      <Field label="Currency">{detail.currency ?? "Not set yet"}</Field>
      <Field label="Timezone">{detail.timezone ?? "The organization's"}</Field>
      <Field label="Tax id">{detail.taxIdentificationNumber ?? "—"}</Field>
      <Field label="Payment term">
        {detail.netPaymentTerm === null || detail.netPaymentTerm === undefined ? "The organization's" : `${detail.netPaymentTerm} days`}
      </Field>
      <Field label="Grace period">
        {detail.invoiceGracePeriod === null || detail.invoiceGracePeriod === undefined
          ? "The organization's"
          : `${detail.invoiceGracePeriod} days`}
      </Field>
      <Field label="Billing address">{addressText === "" ? "—" : addressText}</Field>
      <Field label="Customer since">{formatDate(detail.createdAt)}</Field>
    </SimpleGrid>
  );
}
