import { graphql } from "../gql";

export const CustomersDocument = graphql(`
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
`);

export const CustomerDocument = graphql(`
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
`);

export const CustomerUsageDocument = graphql(`
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
`);

export const CustomerRevenueDocument = graphql(`
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
`);

export const CreateCustomerDocument = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      name
    }
  }
`);
