// A new plan (`/plans/new`): the plan editor (./PlanForm) filled from scratch; the billable metrics
// and the organization's taxes it offers in one request; the graph's validation errors show at their
// inputs; on success, the plan's page.
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";

import { CreatePlanDocument, PlanChoicesDocument } from "../graphql/plans";
import { useSignedIn } from "../session/SessionProvider";
import { canPickTaxes } from "./actions";
import { splitProblems } from "./errors";
import { PlanForm } from "./PlanForm";
import { EMPTY_PLAN, planInput, type PlanDraft } from "./planDraft";
import { Opening, useOpenCreated } from "../shell/opening";

export default function PlanNew() {
  const { permissions } = useSignedIn();
  const { opening, open } = useOpenCreated();
  const withTaxes = canPickTaxes(permissions);
  const [choices] = useQuery({ query: PlanChoicesDocument, variables: { withTaxes } });
  const [draft, setDraft] = useState<PlanDraft>(EMPTY_PLAN);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreatePlanDocument);

  if (opening) return <Opening noun="plan" />;
  if (!choices.data && choices.fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the billable metrics" />
      </Center>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const { input, problems } = planInput(draft, withTaxes);
    setFields(problems);
    if (input === null) return;
    const result = await create({ input });
    if (result.error) {
      const { fields: found, elsewhere } = splitProblems(result.error);
      setFields(found);
      setProblem(elsewhere);
      return;
    }
    const created = result.data?.createPlan;
    if (created) open(`/plans/${created.id}`);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Breadcrumbs aria-label="Breadcrumb">
          <Anchor component={Link} to="/plans">
            Plans
          </Anchor>
          <Text>New plan</Text>
        </Breadcrumbs>
        <Title order={1}>New plan</Title>
        <PlanForm
          draft={draft}
          metrics={choices.data?.billableMetrics?.collection ?? []}
          taxes={withTaxes ? (choices.data?.taxes?.collection ?? []) : null}
          errorAt={(path) => fields[path]}
          onChange={setDraft}
        />
        {problem !== null && (
          <Alert color="red" role="alert" title="The plan was not created">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creation.fetching}>
            Create plan
          </Button>
          <Button component={Link} to="/plans" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
