import{o as e}from"./index-BXS-dpZZ.js";e(`
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
`);var t=e(`
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
`),n=e(`
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
`),r=e(`
  mutation CreateMetric($input: CreateBillableMetricInput!) {
    createBillableMetric(input: $input) {
      ...MetricFields
    }
  }
`),i=e(`
  mutation UpdateMetric($input: UpdateBillableMetricInput!) {
    updateBillableMetric(input: $input) {
      ...MetricFields
    }
  }
`),a=e(`
  mutation DestroyMetric($input: DestroyBillableMetricInput!) {
    destroyBillableMetric(input: $input) {
      id
    }
  }
`),o={COUNT_AGG:`Count of events`,SUM_AGG:`Sum of a property`,MAX_AGG:`Maximum of a property`,UNIQUE_COUNT_AGG:`Count of distinct values`,LATEST_AGG:`Latest value of a property`,WEIGHTED_SUM_AGG:`Time-weighted sum of a property`};export{t as a,n as i,r as n,i as o,a as r,o as t};