import{o as e}from"./index-C1EHqz16.js";e(`
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
`),u={PENDING:`Pending`,ACTIVE:`Active`,TERMINATED:`Terminated`,CANCELED:`Canceled`},d={PENDING:`yellow.4`,ACTIVE:`teal.9`,TERMINATED:`gray.7`,CANCELED:`red.9`},f={CALENDAR:`Calendar (periods start on the 1st)`,ANNIVERSARY:`Anniversary (periods start on the start date)`},p={CALENDAR:`Calendar`,ANNIVERSARY:`Anniversary`},m={WEEKLY:`week`,MONTHLY:`month`,QUARTERLY:`quarter`,YEARLY:`year`},h={STANDARD:`Standard`,GRADUATED:`Graduated`,VOLUME:`Volume`,PACKAGE:`Package`,PERCENTAGE:`Percentage`};export{d as a,c,r as d,a as f,s as h,m as i,o as l,l as m,p as n,u as o,n as p,h as r,i as s,f as t,t as u};