// One subscription (`/subscriptions/:id`): its customer, plan, status and dates, the plan change it
// replaced or is waiting for, the prices in force (./PricesInForce), and the actions ./actions.ts
// allows, each in a modal (./SubscriptionActions). One request for the page; a success is said in a
// notification and the page is loaded again (or the new subscription opened, after a change now).
import { Alert, Anchor, Badge, Breadcrumbs, Button, Center, Group, Loader, Notification, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";

import { errorMessage, formatDate, formatDateTime } from "../format";
import { SubscriptionDocument } from "../graphql/subscriptions";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { subscriptionActions, type SubscriptionAction } from "./actions";
import { BILLING_TIME_SHORT, STATUS_COLOR, STATUS_LABEL } from "./labels";
import { PricesInForce } from "./PricesInForce";
import { ActionModal, type Done } from "./SubscriptionActions";

const ACTION_LABEL: Readonly<Record<SubscriptionAction, string>> = {
  changePlan: "Change plan",
  setEndDate: "Set end date",
  terminate: "Terminate",
};

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

const when = (value: string | null | undefined) => (value ? formatDateTime(value) : "—");

export default function SubscriptionDetail() {
  const { id = "" } = useParams();
  // a new page for each subscription (a plan change opens the next one with its notice)
  return <Detail key={id} id={id} />;
}

function Detail({ id }: { readonly id: string }) {
  const { permissions } = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [{ data, fetching, error }, reload] = useQuery({
    query: SubscriptionDocument,
    variables: { id, withMetrics: permissions.has("billable_metrics:view") },
  });
  const [open, setOpen] = useState<SubscriptionAction | null>(null);
  const arrived = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrived);
  const subscription = data?.subscription;
  const label = subscription ? (subscription.name ?? subscription.externalId) : "Subscription";
  useDocumentTitle(subscription ? `Subscription ${label}` : "Subscription");

  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the subscription" />
      </Center>
    );
  }
  if (!subscription) {
    return (
      <Stack gap="md">
        <Title order={1}>Subscription</Title>
        <Alert color="red" role="alert" title="This subscription could not be loaded">
          {error ? errorMessage(error) : "There is no such subscription in this organization."}
        </Alert>
        <Anchor component={Link} to="/customers">
          Back to the customers
        </Anchor>
      </Stack>
    );
  }

  const plan = subscription.plan;
  const actions = plan ? subscriptionActions(subscription, permissions, permissions.has("plans:view")) : [];
  const customer = subscription.customer;
  const period = subscription.currentBillingPeriod;
  const next = subscription.nextSubscription;
  const previous = subscription.previousSubscription;

  function done(result: Done) {
    setOpen(null);
    if (result.goTo !== undefined) {
      void navigate(`/subscriptions/${result.goTo}`, { state: { notice: result.message } });
      return;
    }
    setNotice(result.message);
    reload({ requestPolicy: "network-only" });
  }

  return (
    <Stack gap="md">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to="/customers">
          Customers
        </Anchor>
        {customer ? (
          <Anchor component={Link} to={`/customers/${customer.id}?tab=subscriptions`}>
            {customer.name}
          </Anchor>
        ) : (
          <Text>Customer</Text>
        )}
        <Text>{label}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>Subscription {label}</Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[subscription.status]} variant="filled" autoContrast size="lg">
              {STATUS_LABEL[subscription.status]}
            </Badge>
            {plan?.parent && (
              <Badge color="indigo.9" variant="filled" size="lg">
                Negotiated prices
              </Badge>
            )}
          </Group>
        </Stack>
        {actions.length > 0 && (
          <Group gap="xs" role="group" aria-label="Subscription actions">
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === "terminate" ? "outline" : "filled"}
                color={action === "terminate" ? "red.9" : "blue"}
                onClick={() => setOpen(action)}
              >
                {ACTION_LABEL[action]}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      {notice !== null && (
        <Notification
          color="green"
          title="Done"
          role="status"
          withBorder
          onClose={() => setNotice(null)}
          closeButtonProps={{ "aria-label": "Dismiss" }}
        >
          {notice}
        </Notification>
      )}
      {next && (
        <Alert color="blue" title="Plan change scheduled">
          Moves to {next.plan?.name ?? "another plan"} on {formatDate(next.subscriptionAt)}.{" "}
          <Anchor component={Link} to={`/subscriptions/${next.id}`}>
            The next subscription
          </Anchor>
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Field label="Customer">
            {customer ? (
              <Anchor component={Link} to={`/customers/${customer.id}`}>
                {`${customer.name} (${customer.externalId})`}
              </Anchor>
            ) : (
              "—"
            )}
          </Field>
          <Field label="Plan">{plan ? `${plan.name} (${plan.code})` : "—"}</Field>
          <Field label="External id">{subscription.externalId}</Field>
          <Field label="Billing time">{BILLING_TIME_SHORT[subscription.billingTime]}</Field>
          <Field label="Starts">{when(subscription.subscriptionAt)}</Field>
          <Field label="Started">{when(subscription.startedAt)}</Field>
          <Field label="Trial ends">{when(subscription.trialEndsAt)}</Field>
          <Field label="Ends">{when(subscription.endingAt)}</Field>
          <Field label="Terminated">{when(subscription.terminatedAt)}</Field>
          <Field label="Canceled">{when(subscription.canceledAt)}</Field>
          <Field label="Current period">{period ? `${formatDate(period.start)} – ${formatDate(period.end)}` : "—"}</Field>
          <Field label="Next period from">{period ? formatDate(period.end) : "—"}</Field>
          {previous && (
            <Field label="Replaces">
              <Anchor component={Link} to={`/subscriptions/${previous.id}`}>
                {previous.plan?.name ?? "the previous subscription"} ({STATUS_LABEL[previous.status].toLowerCase()})
              </Anchor>
            </Field>
          )}
        </SimpleGrid>
      </Paper>
      {plan && <PricesInForce plan={plan} />}
      {open !== null && plan && (
        <ActionModal
          action={open}
          subscription={{
            id: subscription.id,
            label,
            status: subscription.status,
            endingAt: subscription.endingAt,
            periodEnd: period?.end ?? null,
            planIds: [plan.id, ...(plan.parent ? [plan.parent.id] : [])],
            plan,
          }}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}
