// A plan's edit, on its page: the plan editor filled with the plan as it is today. Saving a change of
// the fee or the charges adds a version in force from now (the graph does it): periods that start
// after now are priced by it, those already started keep theirs. Said before the click.
import { Alert, Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { PlanChoicesDocument, UpdatePlanDocument } from "../graphql/plans";
import { splitProblems } from "./errors";
import { PlanForm } from "./PlanForm";
import { planDraft, planInput, type LoadedPlan, type PlanDraft } from "./planDraft";

export interface PlanEditProps {
  readonly plan: LoadedPlan & { readonly id: string };
  readonly withTaxes: boolean;
  readonly onDone: (saved: boolean) => void;
}

export function PlanEdit({ plan, withTaxes, onDone }: PlanEditProps) {
  const [choices] = useQuery({ query: PlanChoicesDocument, variables: { withTaxes } });
  const [draft, setDraft] = useState<PlanDraft>(() => planDraft(plan));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [update, save] = useMutation(UpdatePlanDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const { input, problems } = planInput(draft, withTaxes);
    setFields(problems);
    if (input === null) return;
    const result = await save({ input: { id: plan.id, ...input } });
    if (result.error) {
      const { fields: found, elsewhere } = splitProblems(result.error);
      setFields(found);
      setProblem(elsewhere);
      return;
    }
    onDone(true);
  }

  if (!choices.data) return <Loader size="sm" aria-label="Loading the billable metrics" />;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="plan-edit-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="plan-edit-title">
          Edit the plan
        </Title>
        <PlanForm
          draft={draft}
          metrics={choices.data.billableMetrics?.collection ?? []}
          taxes={withTaxes ? (choices.data.taxes?.collection ?? []) : null}
          errorAt={(path) => fields[path]}
          onChange={setDraft}
        />
        <Alert color="blue.9" variant="outline" title="A price change adds a version">
          <Text size="sm">
            Saving a change of the fee or of the charges adds a plan version in force from now: it applies to billing periods that start
            after now; periods already started keep the version they started with. Other fields change at once.
          </Text>
        </Alert>
        {problem !== null && (
          <Alert color="red" role="alert" title="The plan was not saved">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={update.fetching}>
            Save the plan
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
