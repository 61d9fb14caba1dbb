// A billable metric (/billable-metrics/new, /billable-metrics/:id; /metrics is the server's Prometheus endpoint): name, code, description, aggregation, the event
// property it reads, recurrence and filters. Once a plan prices the metric, what it measures (code,
// aggregation, field, recurrence) is locked, and the form says why. The graph does not say on a metric
// whether a plan prices it: that is read here from the plans' current charges (with plans:view).
import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { DetailFrame, DetailState, refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import type { AggregationType, MetricFieldsFragment } from "../gql/graphql";
import { CreateMetricDocument, DestroyMetricDocument, MetricDocument, UpdateMetricDocument } from "../graphql/metrics";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canChangeField, canCreateMetric, canDeleteMetric, canUpdateMetric, mayRecur, needsField } from "./actions";
import { FiltersEditor, type FilterDraft } from "./FiltersEditor";
import { AGGREGATIONS } from "./labels";
import { Opening, useOpenCreated } from "../shell/opening";

interface Draft {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly aggregationType: AggregationType;
  readonly fieldName: string;
  readonly recurring: boolean;
  readonly filters: readonly FilterDraft[];
}

const EMPTY: Draft = { name: "", code: "", description: "", aggregationType: "COUNT_AGG", fieldName: "", recurring: false, filters: [] };
const KNOWN = ["name", "code", "description", "aggregationType", "fieldName", "recurring", "filters"];
const LIST = { to: "/billable-metrics", label: "Billable metrics" };

function draftOf(metric: MetricFieldsFragment): Draft {
  return {
    name: metric.name,
    code: metric.code,
    description: metric.description ?? "",
    aggregationType: metric.aggregationType,
    fieldName: metric.fieldName ?? "",
    recurring: metric.recurring,
    filters: metric.filters.map((f) => ({ key: f.key, values: [...f.values] })),
  };
}

export default function MetricForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { opening, open } = useOpenCreated();
  const { permissions } = useSignedIn();
  const withPlans = permissions.has("plans:view");
  const [{ data, fetching, error }] = useQuery({ query: MetricDocument, variables: { id: id ?? "", withPlans }, pause: !id });
  const metric = id ? data?.billableMetric : undefined;
  const [edited, setEdited] = useState<Draft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [creation, create] = useMutation(CreateMetricDocument);
  const [update, save] = useMutation(UpdateMetricDocument);
  const [, destroy] = useMutation(DestroyMetricDocument);
  useDocumentTitle(metric ? `Billable metric ${metric.name}` : id ? "Billable metric" : "New billable metric");

  if (opening) return <Opening noun="billable metric" />;
  if (id) {
    const state = DetailState({ fetching, error, found: Boolean(metric), noun: "billable metric", list: LIST });
    if (state) return state;
  }
  const pricedBy = metric ? (data?.plans?.collection ?? []).filter((plan) => plan.charges.some((c) => c.billableMetric?.id === metric.id)) : [];
  const priced = pricedBy.length > 0;
  const editable = metric ? canUpdateMetric(permissions) : canCreateMetric(permissions);
  const may = (field: string) => (metric ? canChangeField(field, priced, permissions) : editable);
  const draft = edited ?? (metric ? draftOf(metric) : EMPTY);
  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setEdited({ ...draft, ...next });
  };
  const lockNote = priced ? `Locked: priced by ${pricedBy.map((p) => p.name).join(", ")}; a plan's prices depend on it.` : undefined;

  async function submit() {
    setFields({});
    setProblem(null);
    const measure = {
      aggregationType: draft.aggregationType,
      fieldName: needsField(draft.aggregationType) ? draft.fieldName.trim() : null,
      recurring: mayRecur(draft.aggregationType) && draft.recurring,
    };
    const common = {
      name: draft.name,
      description: draft.description,
      filters: draft.filters.map((f) => ({ key: f.key, values: [...f.values] })),
    };
    const result = metric
      ? await save({ input: { id: metric.id, ...common, ...(priced ? {} : { code: draft.code, ...measure }) } })
      : await create({ input: { code: draft.code, ...common, ...measure } });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    setEdited(null);
    setSaved(true);
    if (!metric && result.data && "createBillableMetric" in result.data && result.data.createBillableMetric) {
      open(`/billable-metrics/${result.data.createBillableMetric.id}`);
    }
  }

  const actions =
    metric && canDeleteMetric(priced, permissions) ? (
      <ConfirmAction
        label="Destroy billable metric"
        title={`Destroy ${metric.name}`}
        consequence={`The billable metric is hidden from now on and its code “${metric.code}” is freed for a new metric. A metric that a plan's current prices use cannot be destroyed (the graph refuses).`}
        confirm="Destroy"
        run={() => destroy({ input: { id: metric.id } })}
        onDone={() => void navigate("/billable-metrics")}
      />
    ) : undefined;

  return (
    <DetailFrame
      list={LIST}
      title={metric ? `Billable metric ${metric.name}` : "New billable metric"}
      crumb={metric ? metric.name : "New billable metric"}
      actions={actions}
    >
      {metric && priced && (
        <Alert color="blue.8" variant="outline" title="Priced by a plan">
          {`${pricedBy.map((p) => `${p.name} (${p.code})`).join(", ")} price this metric, so its code, aggregation, field and recurrence are locked: the graph refuses a change (“cannot change once a plan prices this metric”). Name, description and filters may still change.`}
        </Alert>
      )}
      {metric && !withPlans && (
        <Text size="sm">
          Whether a plan prices this metric is read from the plans, which you may not see. Once a plan prices it, its code, aggregation,
          field and recurrence cannot change (the graph refuses).
        </Text>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" maw={720}>
          <TextInput label="Name" value={draft.name} disabled={!may("name")} error={fields["name"]} onChange={(e) => change({ name: e.currentTarget.value })} />
          <TextInput
            label="Code"
            description={lockNote ?? "What usage events name the metric by"}
            value={draft.code}
            disabled={!may("code")}
            error={fields["code"]}
            onChange={(e) => change({ code: e.currentTarget.value })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            disabled={!may("description")}
            error={fields["description"]}
            onChange={(e) => change({ description: e.currentTarget.value })}
          />
          <Select
            label="Aggregation"
            description={lockNote}
            data={Object.entries(AGGREGATIONS).map(([value, label]) => ({ value, label }))}
            value={draft.aggregationType}
            allowDeselect={false}
            disabled={!may("aggregationType")}
            error={fields["aggregationType"]}
            onChange={(value) => value && change({ aggregationType: value as AggregationType })}
          />
          {needsField(draft.aggregationType) && (
            <TextInput
              label="Field"
              description={lockNote ?? "The event property aggregated"}
              value={draft.fieldName}
              disabled={!may("fieldName")}
              error={fields["fieldName"]}
              onChange={(e) => change({ fieldName: e.currentTarget.value })}
            />
          )}
          {mayRecur(draft.aggregationType) && (
            <Checkbox
              label="Recurring"
              description={lockNote ?? "The value carries over from one period to the next"}
              checked={draft.recurring}
              disabled={!may("recurring")}
              error={fields["recurring"]}
              onChange={(e) => change({ recurring: e.currentTarget.checked })}
            />
          )}
          <FiltersEditor filters={draft.filters} fields={fields} disabled={!may("filters")} onChange={(filters) => change({ filters })} />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={creation.fetching || update.fetching}>
                {metric ? "Save billable metric" : "Create billable metric"}
              </Button>
              {saved && <Text role="status">Saved.</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </DetailFrame>
  );
}
