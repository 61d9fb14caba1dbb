// Subscriptions: a customer's list (the graph's page, every status), one subscription with the
// prices in force (its plan, a negotiated copy, against the catalogue plan it copies), the plan
// catalogue the form offers with each plan's charges, and the subscription mutations.
import { graphql } from "../gql";

export const ChargeFieldsFragment = graphql(`
  fragment ChargeFields on Charge {
    id
    chargeModel
    invoiceDisplayName
    minAmountCents
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
`);

export const CustomerSubscriptionsDocument = graphql(`
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
`);

export const SubscriptionFormDocument = graphql(`
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
`);

export const PlanPricesDocument = graphql(`
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
`);

export const ChangePlanChoicesDocument = graphql(`
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
`);

export const SubscriptionDocument = graphql(`
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
`);

export const CreateSubscriptionDocument = graphql(`
  mutation CreateSubscription($input: CreateSubscriptionInput!) {
    createSubscription(input: $input) {
      id
      status
    }
  }
`);

export const UpdateSubscriptionDocument = graphql(`
  mutation UpdateSubscription($input: UpdateSubscriptionInput!) {
    updateSubscription(input: $input) {
      id
      status
      endingAt
    }
  }
`);

export const ChangeSubscriptionPlanDocument = graphql(`
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
`);

export const TerminateSubscriptionDocument = graphql(`
  mutation TerminateSubscription($input: TerminateSubscriptionInput!) {
    terminateSubscription(input: $input) {
      id
      status
      terminatedAt
      canceledAt
    }
  }
`);
