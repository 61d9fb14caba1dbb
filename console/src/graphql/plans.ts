// Plans: the catalogue (searched, by name), one plan with its charges, taxes and versions, what the
// editor offers (billable metrics, organization taxes), and the plan mutations.
import { graphql } from "../gql";

export const PlansDocument = graphql(`
  query Plans($page: Int, $limit: Int, $searchTerm: String) {
    plans(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        id
        name
        code
        interval
        amountCents
        amountCurrency
        charges {
          id
        }
      }
      metadata {
        currentPage
        totalPages
        totalCount
      }
    }
  }
`);

export const PlanDocument = graphql(`
  query Plan($id: ID!, $withMetrics: Boolean!, $withTaxes: Boolean!) {
    plan(id: $id) {
      id
      name
      code
      description
      interval
      amountCents
      amountCurrency
      payInAdvance
      trialPeriod
      taxes @include(if: $withTaxes) {
        id
        code
        name
        rate
      }
      charges {
        ...ChargeFields
      }
      versions(limit: 20) {
        id
        number
        effectiveFrom
        amountCents
        charges {
          ...ChargeFields
        }
      }
    }
  }
`);

export const PlanChoicesDocument = graphql(`
  query PlanChoices($withTaxes: Boolean!) {
    billableMetrics(limit: 100) {
      collection {
        id
        name
        code
        aggregationType
      }
    }
    taxes(limit: 100) @include(if: $withTaxes) {
      collection {
        id
        code
        name
        rate
      }
    }
  }
`);

export const CreatePlanDocument = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
    }
  }
`);

export const UpdatePlanDocument = graphql(`
  mutation UpdatePlan($input: UpdatePlanInput!) {
    updatePlan(input: $input) {
      id
      versions(limit: 1) {
        id
        number
      }
    }
  }
`);

export const DestroyPlanDocument = graphql(`
  mutation DestroyPlan($input: DestroyPlanInput!) {
    destroyPlan(input: $input) {
      id
    }
  }
`);
