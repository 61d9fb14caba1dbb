// The customer's coupons tab: the coupons applied to them now, on the terms agreed for them (a fixed
// amount and what is left of it, or a percentage; how often; periods left), and the actions
// ./actions.ts allows: apply one (./ApplyCouponModal.tsx) and terminate one, after a confirmation.
import { Alert, Badge, Button, Center, Group, Loader, Modal, Notification, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";

import type { CustomerTabProps } from "../customers/tabs";
import { errorMessage, formatDate, formatDateTime } from "../format";
import type { CustomerAppliedCouponsQuery } from "../gql/graphql";
import { CustomerAppliedCouponsDocument, TerminateAppliedCouponDocument } from "../graphql/coupons";
import { formatDecimal, formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { canApply, canTerminate } from "./actions";
import { ApplyCouponModal } from "./ApplyCouponModal";
import { FREQUENCY_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from "./labels";

type Applied = NonNullable<NonNullable<CustomerAppliedCouponsQuery["customer"]>["appliedCoupons"]>[number];

function value(applied: Applied): string {
  if (applied.coupon.couponType === "PERCENTAGE") {
    return applied.percentageRate === null || applied.percentageRate === undefined ? "—" : `${formatDecimal(applied.percentageRate)} %`;
  }
  return applied.amountCents === null || applied.amountCents === undefined || !applied.amountCurrency
    ? "—"
    : formatMinor(applied.amountCents, applied.amountCurrency);
}

function frequency(applied: Applied): string {
  const label = FREQUENCY_LABEL[applied.frequency];
  if (applied.frequency !== "RECURRING" || applied.frequencyDuration === null || applied.frequencyDuration === undefined) return label;
  return `${label}, ${applied.frequencyDuration} ${applied.frequencyDuration === 1 ? "period" : "periods"}`;
}

function remaining(applied: Applied): string {
  const parts: string[] = [];
  if (applied.amountCentsRemaining !== null && applied.amountCentsRemaining !== undefined && applied.amountCurrency) {
    parts.push(formatMinor(applied.amountCentsRemaining, applied.amountCurrency));
  }
  if (applied.frequency === "RECURRING" && applied.frequencyDurationRemaining !== null && applied.frequencyDurationRemaining !== undefined) {
    const left = applied.frequencyDurationRemaining;
    parts.push(`${left} ${left === 1 ? "period" : "periods"}`);
  }
  return parts.length === 0 ? "—" : parts.join(", ");
}

export default function CustomerCoupons({ customer }: CustomerTabProps) {
  const { permissions } = useSignedIn();
  // the list is empty before the first coupon: name the typename, so that applying one reloads it
  const context = useMemo(() => ({ additionalTypenames: ["AppliedCoupon"] }), []);
  const [{ data, fetching, error }, reload] = useQuery({
    query: CustomerAppliedCouponsDocument,
    variables: { id: customer.id },
    context,
  });
  const [termination, terminate] = useMutation(TerminateAppliedCouponDocument);
  const [applying, setApplying] = useState(false);
  const [confirming, setConfirming] = useState<Applied | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (fetching && !data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the coupons" />
      </Center>
    );
  }
  const applied = data?.customer?.appliedCoupons;
  if (!applied) {
    return (
      <Alert color="red" role="alert" title="The coupons could not be loaded">
        {error ? errorMessage(error) : "There is no such customer."}
      </Alert>
    );
  }
  const mayApply = canApply(permissions);
  const withActions = applied.some((coupon) => canTerminate(coupon, permissions));

  function confirmTermination(coupon: Applied) {
    void terminate({ id: coupon.id }).then((result) => {
      reload({ requestPolicy: "network-only" }); // refused (terminated meanwhile?) or not: show what is now
      if (result.error) return;
      setConfirming(null);
      setDone(`${coupon.coupon.name} no longer applies to ${customer.name}.`);
    });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Applied coupons
        </Title>
        {mayApply && (
          <Button
            onClick={() => {
              setDone(null);
              setApplying(true);
            }}
          >
            Apply a coupon
          </Button>
        )}
      </Group>
      {done !== null && (
        <Notification color="green" title="Done" role="status" withBorder onClose={() => setDone(null)} closeButtonProps={{ "aria-label": "Dismiss" }}>
          {done}
        </Notification>
      )}
      {applied.length === 0 ? (
        <Text>No coupon applies to this customer.</Text>
      ) : (
        <Table.ScrollContainer minWidth={880}>
          <Table striped aria-label="Applied coupons">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Coupon</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Amount or percentage</Table.Th>
                <Table.Th scope="col">Frequency</Table.Th>
                <Table.Th scope="col">Remaining</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Applied</Table.Th>
                {withActions && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applied.map((coupon) => (
                <Table.Tr key={coupon.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {coupon.coupon.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {coupon.coupon.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{TYPE_LABEL[coupon.coupon.couponType]}</Table.Td>
                  <Table.Td>{value(coupon)}</Table.Td>
                  <Table.Td>{frequency(coupon)}</Table.Td>
                  <Table.Td>{remaining(coupon)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[coupon.status]} variant="filled">
                      {STATUS_LABEL[coupon.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(coupon.createdAt)}
                    {coupon.terminatedAt ? ` – ${formatDate(coupon.terminatedAt)}` : ""}
                  </Table.Td>
                  {withActions && (
                    <Table.Td>
                      {canTerminate(coupon, permissions) && (
                        <Button
                          size="xs"
                          color="red.9"
                          variant="outline"
                          aria-label={`Terminate ${coupon.coupon.name}`}
                          onClick={() => {
                            setDone(null);
                            setConfirming(coupon);
                          }}
                        >
                          Terminate
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayApply && (
        <ApplyCouponModal
          opened={applying}
          customer={customer}
          currency={data.customer?.currency ?? customer.currency}
          onClose={() => setApplying(false)}
          onApplied={(name) => {
            setApplying(false);
            setDone(`${name} now applies to ${customer.name}.`);
            reload({ requestPolicy: "network-only" });
          }}
        />
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `Terminate ${confirming.coupon.name}` : "Terminate the coupon"}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        {confirming !== null && (
          <Stack>
            <Text>
              {confirming.coupon.name} ({confirming.coupon.code}) will no longer apply to {customer.name}; what is left of it is lost. Applied{" "}
              {formatDateTime(confirming.createdAt)}.
            </Text>
            {termination.error && (
              <Alert color="red" role="alert" title="The coupon was not terminated">
                {errorMessage(termination.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button color="red.9" loading={termination.fetching} onClick={() => confirmTermination(confirming)}>
                Terminate coupon
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
