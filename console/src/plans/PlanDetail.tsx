// One plan (`/plans/:id`): its fields, taxes and today's charges in words, its versions (what changed,
// in force from when: ../subscriptions/PlanVersions), and the actions ./actions.ts allows: edit (a
// price change adds a version) and delete (the graph hides the plan and frees its code; refused while
// live subscriptions use it), each with its consequence said before the click.
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { errorMessage } from "../format";
import { DestroyPlanDocument, PlanDocument } from "../graphql/plans";
import { formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { CHARGE_MODEL_LABEL, INTERVAL_LABEL } from "../subscriptions/labels";
import { PlanVersions } from "../subscriptions/PlanVersions";
import { chargeName, describeProperties } from "../subscriptions/prices";
import { canDestroyPlan, canPickTaxes, canUpdatePlan } from "./actions";
import { PlanEdit } from "./PlanEdit";

export default function PlanDetail() {
  const { id = "" } = useParams();
  const { permissions } = useSignedIn();
  const navigate = useNavigate();
  const withTaxes = canPickTaxes(permissions);
  const withMetrics = permissions.has("billable_metrics:view");
  const [{ data, fetching, error }] = useQuery({ query: PlanDocument, variables: { id, withMetrics, withTaxes } });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [, destroy] = useMutation(DestroyPlanDocument);
  const plan = data?.plan;

  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the plan" />
      </Center>
    );
  }
  if (!plan) {
    return (
      <Stack>
        <Title order={1}>Plan</Title>
        <Alert color="red" role="alert" title="The plan could not be loaded">
          {error ? errorMessage(error) : "There is no such plan in this organization."}
        </Alert>
        <Anchor component={Link} to="/plans">
          Back to the plans
        </Anchor>
      </Stack>
    );
  }


  const currency = plan.amountCurrency;
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to="/plans">
          Plans
        </Anchor>
        <Text>{plan.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={1}>{plan.name}</Title>
        {canUpdatePlan(permissions) && !editing && (
          <Button
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit plan
          </Button>
        )}
      </Group>
      {saved && (
        <Alert color="teal.9" variant="outline" title="The plan was saved" role="status">
          A change of price is in the versions below.
        </Alert>
      )}
      <Text>
        Code {plan.code} · {formatMinor(plan.amountCents, currency)} per {INTERVAL_LABEL[plan.interval]}
        {plan.payInAdvance ? ", paid in advance" : ", billed at the period’s end"}
        {plan.trialPeriod > 0 ? ` · ${plan.trialPeriod} days of trial` : ""}
      </Text>
      {plan.description && <Text size="sm">{plan.description}</Text>}
      {withTaxes && <Text size="sm">Taxes: {plan.taxes && plan.taxes.length > 0 ? plan.taxes.map((tax) => `${tax.name} (${tax.rate} %)`).join(", ") : "none"}</Text>}
      {editing ? (
        <PlanEdit
          plan={plan}
          withTaxes={withTaxes}
          onDone={(done) => {
            setEditing(false);
            setSaved(done); // the saved Plan re-executes this page's query (urql's document cache)
          }}
        />
      ) : (
        <Stack gap="sm" component="section" aria-labelledby="plan-charges-now">
          <Title order={2} size="h3" id="plan-charges-now">
            Charges today
          </Title>
          {plan.charges.length === 0 && <Text size="sm">No usage charge: the fee only.</Text>}
          {plan.charges.map((charge, index) => (
            <Card withBorder key={charge.id} component="section" aria-label={`Charge ${chargeName(charge, index)}`}>
              <Group gap="xs">
                <Text fw={500}>{chargeName(charge, index)}</Text>
                <Badge color="gray.7" variant="filled">
                  {CHARGE_MODEL_LABEL[charge.chargeModel]}
                </Badge>
              </Group>
              {describeProperties(charge.chargeModel, charge.properties, currency).map((line) => (
                <Text size="sm" key={line}>
                  {line}
                </Text>
              ))}
              {String(charge.minAmountCents) !== "0" && <Text size="sm">At least {formatMinor(charge.minAmountCents, currency)} per period</Text>}
            </Card>
          ))}
        </Stack>
      )}
      <PlanVersions versions={plan.versions} currency={currency} periodStart={null} />
      {canDestroyPlan(permissions) && !editing && (
        <Card withBorder component="section" aria-labelledby="plan-delete-title">
          <Stack gap="xs">
            <Title order={2} size="h3" id="plan-delete-title">
              Delete the plan
            </Title>
            <Text size="sm">
              Deleting hides the plan from the catalogue and frees its code for another plan; invoices already issued keep it. A plan that
              pending or active subscriptions use is refused: terminate them or move them to another plan first.
            </Text>
            <Group>
              <ConfirmAction
                label="Delete plan"
                title={`Delete ${plan.name}`}
                consequence={`${plan.name} is hidden from the catalogue and its code “${plan.code}” is freed; invoices already issued keep it. If pending or active subscriptions use it, nothing is deleted.`}
                confirm="Delete"
                run={() => destroy({ input: { id } })}
                onDone={() => void navigate("/plans")}
              />
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
