import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
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
`),n=e(`
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
`),r=e(`
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
`),i=e(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
    }
  }
`),a=e(`
  mutation UpdatePlan($input: UpdatePlanInput!) {
    updatePlan(input: $input) {
      id
      versions(limit: 1) {
        id
        number
      }
    }
  }
`),o=e(`
  mutation DestroyPlan($input: DestroyPlanInput!) {
    destroyPlan(input: $input) {
      id
    }
  }
`);export{t as a,n as i,o as n,a as o,r,i as t};