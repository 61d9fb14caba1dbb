// A new subscription for a customer (`/customers/:id/subscriptions/new`): the plan from the catalogue,
// billing time, start date, external id and name, and the negotiated prices (./PriceEditor). One
// request for the customer and the catalogue, one for the chosen plan's prices; the graph's
// validation errors show at their inputs; on success, the subscription's page.
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, Radio, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { errorMessage, validationFields } from "../format";
import type { BillingTime } from "../gql/graphql";
import { CreateSubscriptionDocument, PlanPricesDocument, SubscriptionFormDocument } from "../graphql/subscriptions";
import { formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { dayToDateTime, isDay } from "./dates";
import { BILLING_TIME_LABEL, INTERVAL_LABEL } from "./labels";
import { overridesInput, priceDraft, type PriceDraft } from "./priceDraft";
import { PriceEditor } from "./PriceEditor";
import { Opening, useOpenCreated } from "../shell/opening";

/** The inputs of this form by the graph's input paths: a problem at any other path shows in an alert. */
const AT_AN_INPUT = [
  /^(planId|externalId|name|billingTime|subscriptionAt|endingAt)$/,
  /^planOverrides\.amountCents$/,
  /^planOverrides\.charges\.\d+\.(id|properties(\.\w+)?)$/,
  /^planOverrides\.charges\.\d+\.properties\.(graduated|volume)Ranges\.\d+\.(fromValue|toValue|perUnitAmount|flatAmount)$/,
];

export default function SubscriptionNew() {
  const { id = "" } = useParams();
  const { permissions } = useSignedIn();
  const { opening, open } = useOpenCreated();
  const withMetrics = permissions.has("billable_metrics:view");
  const [{ data, fetching, error }] = useQuery({ query: SubscriptionFormDocument, variables: { customerId: id } });
  const [planId, setPlanId] = useState<string | null>(null);
  const [prices] = useQuery({ query: PlanPricesDocument, variables: { id: planId ?? "", withMetrics }, pause: planId === null });
  const [billingTime, setBillingTime] = useState<BillingTime>("CALENDAR");
  const [startDay, setStartDay] = useState("");
  const [externalId, setExternalId] = useState("");
  const [name, setName] = useState("");
  // what the member typed for the plan chosen (the plan's own prices until then)
  const [typed, setTyped] = useState<{ readonly planId: string; readonly draft: PriceDraft } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateSubscriptionDocument);
  const customer = data?.customer;
  const plans = data?.plans?.collection ?? [];
  const loaded = prices.data?.plan;
  const plan = loaded && loaded.id === planId ? loaded : undefined;
  const draft = useMemo(() => (plan ? (typed?.planId === plan.id ? typed.draft : priceDraft(plan)) : null), [plan, typed]);
  const overrides = useMemo(() => (plan && draft ? overridesInput(plan, draft) : null), [plan, draft]);

  if (opening) return <Opening noun="subscription" />;
  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the plans" />
      </Center>
    );
  }
  if (!customer) {
    return (
      <Stack>
        <Title order={1}>New subscription</Title>
        <Alert color="red" role="alert" title="The customer could not be loaded">
          {error ? errorMessage(error) : "There is no such customer in this organization."}
        </Alert>
        <Anchor component={Link} to="/customers">
          Back to the customers
        </Anchor>
      </Stack>
    );
  }

  function choosePlan(value: string | null) {
    setPlanId(value);
    setTyped(null);
    setFields({});
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const local: Record<string, string> = { ...(overrides?.problems ?? {}) };
    if (!plan) local["planId"] = planId === null ? "Choose a plan" : "The plan’s prices are loading";
    if (startDay !== "" && !isDay(startDay)) local["subscriptionAt"] = "Enter a date";
    if (Object.keys(local).length > 0 || !plan || !customer) {
      setFields(local);
      return;
    }
    setFields({});
    const result = await create({
      input: {
        customerId: customer.id,
        planId: plan.id,
        externalId: externalId.trim() === "" ? `sub_${crypto.randomUUID()}` : externalId.trim(),
        name: name.trim() === "" ? null : name.trim(),
        billingTime,
        subscriptionAt: startDay === "" ? null : dayToDateTime(startDay),
        planOverrides: overrides?.input ?? null,
      },
    });
    if (result.error) {
      const found = validationFields(result.error);
      setFields(found);
      const elsewhere = Object.entries(found).filter(([path]) => !AT_AN_INPUT.some((pattern) => pattern.test(path)));
      if (Object.keys(found).length === 0) setProblem(errorMessage(result.error));
      else if (elsewhere.length > 0) setProblem(elsewhere.map(([path, what]) => `${path}: ${what}`).join("; "));
      return;
    }
    const created = result.data?.createSubscription;
    if (created) open(`/subscriptions/${created.id}`);
  }

  const errorAt = (path: string) => fields[path];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Breadcrumbs aria-label="Breadcrumb">
          <Anchor component={Link} to="/customers">
            Customers
          </Anchor>
          <Anchor component={Link} to={`/customers/${customer.id}?tab=subscriptions`}>
            {customer.name}
          </Anchor>
          <Text>New subscription</Text>
        </Breadcrumbs>
        <Title order={1}>New subscription</Title>
        <Text>
          For {customer.name} ({customer.externalId}){customer.currency ? `, billed in ${customer.currency}` : ""}.
        </Text>
        <Select
          label="Plan"
          withAsterisk
          w={420}
          placeholder="Choose a plan"
          data={plans.map((candidate) => ({
            value: candidate.id,
            label: `${candidate.name} — ${formatMinor(candidate.amountCents, candidate.amountCurrency)} per ${INTERVAL_LABEL[candidate.interval]}`,
          }))}
          value={planId}
          error={errorAt("planId")}
          onChange={choosePlan}
          nothingFoundMessage="No plan in the catalogue"
        />
        <Radio.Group
          label="Billing time"
          value={billingTime}
          error={errorAt("billingTime")}
          onChange={(value) => setBillingTime(value)}
        >
          <Stack gap="xs" mt="xs">
            {(Object.keys(BILLING_TIME_LABEL) as BillingTime[]).map((value) => (
              <Radio key={value} value={value} label={BILLING_TIME_LABEL[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <Group align="flex-start">
          <TextInput
            label="Start date"
            description="Empty: starts now. A later date (UTC) keeps it pending until then."
            type="date"
            w={300}
            value={startDay}
            error={errorAt("subscriptionAt")}
            onChange={(event) => setStartDay(event.currentTarget.value)}
          />
          <TextInput
            label="External id"
            description="Usage events name it. Empty: one is generated."
            w={300}
            value={externalId}
            error={errorAt("externalId")}
            onChange={(event) => setExternalId(event.currentTarget.value)}
          />
          <TextInput
            label="Name"
            description="Optional, shown on invoices"
            w={300}
            value={name}
            error={errorAt("name")}
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </Group>
        {planId !== null && !plan && prices.fetching && <Loader size="sm" aria-label="Loading the plan’s prices" />}
        {prices.error && !plan && (
          <Alert color="red" role="alert" title="The plan’s prices could not be loaded">
            {errorMessage(prices.error)}
          </Alert>
        )}
        {plan && draft && (
          <PriceEditor
            plan={plan}
            draft={draft}
            chargePaths={overrides?.chargePaths ?? new Map<string, string>()}
            errorAt={errorAt}
            onChange={(next) => setTyped({ planId: plan.id, draft: next })}
          />
        )}
        {problem !== null && (
          <Alert color="red" role="alert" title="The subscription was not created">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creation.fetching}>
            Create subscription
          </Button>
          <Button component={Link} to={`/customers/${customer.id}?tab=subscriptions`} variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
