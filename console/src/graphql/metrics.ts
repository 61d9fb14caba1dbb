// The billable metrics screens' operations; a metric's plans are read from the plans' charges (the
// graph does not say on a metric whether a plan prices it).
import { graphql } from "../gql";

export const MetricFieldsFragment = graphql(`
  fragment MetricFields on BillableMetric {
    id
    name
    code
    description
    aggregationType
    fieldName
    recurring
    createdAt
    filters {
      key
      values
    }
  }
`);

export const MetricsDocument = graphql(`
  query Metrics($page: Int, $limit: Int, $searchTerm: String) {
    billableMetrics(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        ...MetricFields
      }
      metadata {
        currentPage
        totalPages
        totalCount
      }
    }
  }
`);

export const MetricDocument = graphql(`
  query Metric($id: ID!, $withPlans: Boolean!) {
    billableMetric(id: $id) {
      ...MetricFields
    }
    plans(limit: 100) @include(if: $withPlans) {
      collection {
        id
        name
        code
        charges {
          id
          billableMetric {
            id
          }
        }
      }
    }
  }
`);

export const CreateMetricDocument = graphql(`
  mutation CreateMetric($input: CreateBillableMetricInput!) {
    createBillableMetric(input: $input) {
      ...MetricFields
    }
  }
`);

export const UpdateMetricDocument = graphql(`
  mutation UpdateMetric($input: UpdateBillableMetricInput!) {
    updateBillableMetric(input: $input) {
      ...MetricFields
    }
  }
`);

export const DestroyMetricDocument = graphql(`
  mutation DestroyMetric($input: DestroyBillableMetricInput!) {
    destroyBillableMetric(input: $input) {
      id
    }
  }
`);
