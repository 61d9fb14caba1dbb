// Billable metrics: the graph's `billableMetrics` page, searchable by name or code (in the URL).
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { CatalogueList, PAGE_SIZE, useListParams } from "../catalogue/CatalogueList";
import { MetricsDocument } from "../graphql/metrics";
import { useSignedIn } from "../session/SessionProvider";
import { canCreateMetric } from "./actions";
import { AGGREGATIONS } from "./labels";

export default function MetricsList() {
  const { permissions } = useSignedIn();
  const { page, search } = useListParams();
  const [{ data, fetching, error }] = useQuery({
    query: MetricsDocument,
    variables: { page, limit: PAGE_SIZE, searchTerm: search === "" ? null : search },
  });
  const metrics = data?.billableMetrics;
  return (
    <CatalogueList
      title="Billable metrics"
      noun="billable metrics"
      newLink={canCreateMetric(permissions) ? { to: "/billable-metrics/new", label: "New billable metric" } : null}
      fetching={fetching}
      error={error}
      metadata={metrics?.metadata}
    >
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label="Billable metrics">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Aggregation</Table.Th>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Filters</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metrics?.collection.map((metric) => (
              <Table.Tr key={metric.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/billable-metrics/${metric.id}`}>
                    {metric.name}
                  </Anchor>
                  {metric.description && (
                    <Text size="xs" c="dimmed">
                      {metric.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{metric.code}</Table.Td>
                <Table.Td>
                  {AGGREGATIONS[metric.aggregationType]}
                  {metric.recurring ? " (recurring)" : ""}
                </Table.Td>
                <Table.Td>{metric.fieldName ?? "—"}</Table.Td>
                <Table.Td>{metric.filters.length === 0 ? "—" : metric.filters.map((f) => f.key).join(", ")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </CatalogueList>
  );
}
