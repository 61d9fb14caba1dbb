import{o as e}from"./index-BXS-dpZZ.js";e(`
  fragment ChargeFields on Charge {
    id
    chargeModel
    invoiceDisplayName
    minAmountCents
    payInAdvance
    invoiceable
    billableMetric @include(if: $withMetrics) {
      id
      name
      code
    }
    properties {
      amount
      packageSize
      freeUnits
      graduatedRanges {
        fromValue
        toValue
        perUnitAmount
        flatAmount
      }
      volumeRanges {
        fromValue
        toValue
        perUnitAmount
        flatAmount
      }
      rate
      fixedAmount
      freeUnitsPerEvents
      freeUnitsPerTotalAggregation
      perTransactionMinAmount
      perTransactionMaxAmount
    }
  }
`);var t=e(`
  query CustomerSubscriptions($customerId: ID!, $page: Int, $limit: Int, $withPlan: Boolean!) {
    subscriptions(customerId: $customerId, page: $page, limit: $limit) {
      collection {
        id
        externalId
        name
        status
        billingTime
        subscriptionAt
        startedAt
        endingAt
        terminatedAt
        canceledAt
        currentBillingPeriod {
          start
          end
        }
        plan @include(if: $withPlan) {
          id
          name
          code
          parent {
            id
          }
        }
      }
      metadata {
        currentPage
        limitValue
        totalCount
        totalPages
      }
    }
  }
`),n=e(`
  query SubscriptionForm($customerId: ID!) {
    customer(id: $customerId) {
      id
      externalId
      name
      currency
    }
    plans(limit: 100) {
      collection {
        id
        name
        code
        interval
        amountCents
        amountCurrency
      }
    }
  }
`),r=e(`
  query PlanPrices($id: ID!, $withMetrics: Boolean!) {
    plan(id: $id) {
      id
      name
      code
      interval
      amountCents
      amountCurrency
      trialPeriod
      charges {
        ...ChargeFields
      }
    }
  }
`),i=e(`
  query ChangePlanChoices {
    plans(limit: 100) {
      collection {
        id
        name
        code
        interval
        amountCents
        amountCurrency
      }
    }
  }
`),a=e(`
  query Subscription($id: ID!, $withMetrics: Boolean!) {
    subscription(id: $id) {
      id
      externalId
      name
      status
      billingTime
      subscriptionAt
      startedAt
      endingAt
      terminatedAt
      canceledAt
      trialEndsAt
      createdAt
      currentBillingPeriod {
        start
        end
      }
      customer {
        id
        name
        externalId
      }
      previousSubscription {
        id
        status
        plan {
          id
          name
        }
      }
      nextSubscription {
        id
        status
        subscriptionAt
        plan {
          id
          name
        }
      }
      plan {
        id
        name
        code
        interval
        amountCents
        amountCurrency
        trialPeriod
        charges {
          ...ChargeFields
        }
        versions(limit: 12) {
          id
          number
          effectiveFrom
          amountCents
          charges {
            ...ChargeFields
          }
        }
        parent {
          id
          name
          code
          amountCents
          trialPeriod
          charges {
            ...ChargeFields
          }
        }
      }
    }
  }
`),o=e(`
  mutation CreateSubscription($input: CreateSubscriptionInput!) {
    createSubscription(input: $input) {
      id
      status
    }
  }
`),s=e(`
  mutation UpdateSubscription($input: UpdateSubscriptionInput!) {
    updateSubscription(input: $input) {
      id
      status
      endingAt
    }
  }
`),c=e(`
  mutation ChangeSubscriptionPlan($input: ChangeSubscriptionPlanInput!) {
    changeSubscriptionPlan(input: $input) {
      id
      status
      subscriptionAt
      plan {
        id
        name
      }
    }
  }
`),l=e(`
  mutation TerminateSubscription($input: TerminateSubscriptionInput!) {
    terminateSubscription(input: $input) {
      id
      status
      terminatedAt
      canceledAt
    }
  }
`);export{r as a,l as c,t as i,s as l,c as n,a as o,o as r,n as s,i as t};