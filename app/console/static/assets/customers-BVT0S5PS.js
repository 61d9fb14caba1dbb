import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
  query Customers($page: Int, $limit: Int, $searchTerm: String) {
    customers(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        id
        externalId
        name
        email
        currency
        createdAt
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
  query Customer($id: ID!, $withSubscriptions: Boolean!, $withPlans: Boolean!) {
    customer(id: $id) {
      id
      externalId
      name
      legalName
      email
      phone
      currency
      timezone
      taxIdentificationNumber
      netPaymentTerm
      invoiceGracePeriod
      createdAt
      billingAddress {
        addressLine1
        addressLine2
        city
        zipcode
        state
        country
      }
      subscriptions(limit: 100) @include(if: $withSubscriptions) {
        id
        externalId
        name
        status
        startedAt
        currentBillingPeriod {
          start
          end
        }
        plan @include(if: $withPlans) {
          id
          name
          code
        }
      }
    }
  }
`),r=e(`
  query CustomerUsage($customerId: ID!, $subscriptionId: ID!, $withMetrics: Boolean!, $withCharges: Boolean!) {
    customerUsage(customerId: $customerId, subscriptionId: $subscriptionId) {
      fromDatetime
      toDatetime
      currency
      amountCents
      chargesUsage {
        amountCents
        units
        billableMetric @include(if: $withMetrics) {
          id
          code
          name
        }
        charge @include(if: $withCharges) {
          id
          chargeModel
          invoiceDisplayName
        }
      }
    }
  }
`),i=e(`
  query CustomerRevenue($customerId: ID!, $fromMonth: Date, $toMonth: Date) {
    mrrs(customerId: $customerId, fromMonth: $fromMonth, toMonth: $toMonth) {
      month
      currency
      amountCents
    }
    grossRevenues(customerId: $customerId, fromMonth: $fromMonth, toMonth: $toMonth) {
      month
      currency
      invoicesCount
      invoicedAmountCents
      refundedAmountCents
      amountCents
    }
  }
`),a=e(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      name
    }
  }
`);export{t as a,r as i,n,i as r,a as t};