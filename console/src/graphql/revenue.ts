// The Revenue screen's operations: the four monthly figures (and the chosen customer's name) in one
// document, so the screen's first render is one request; the customer filter's options on demand.
import { graphql } from "../gql";

export const RevenueDocument = graphql(`
  query Revenue(
    $fromMonth: Date
    $toMonth: Date
    $currency: String
    $customerId: ID
    $chosenCustomerId: ID!
    $withChosenCustomer: Boolean!
  ) {
    mrrs(fromMonth: $fromMonth, toMonth: $toMonth, currency: $currency, customerId: $customerId) {
      month
      currency
      amountCents
    }
    grossRevenues(fromMonth: $fromMonth, toMonth: $toMonth, currency: $currency, customerId: $customerId) {
      month
      currency
      invoicesCount
      invoicedAmountCents
      refundedAmountCents
      amountCents
    }
    invoicedUsages(fromMonth: $fromMonth, toMonth: $toMonth, currency: $currency, customerId: $customerId) {
      month
      currency
      billableMetricCode
      billableMetricName
      units
      amountCents
    }
    outstandingInvoices(fromMonth: $fromMonth, toMonth: $toMonth, currency: $currency, customerId: $customerId) {
      month
      currency
      invoicesCount
      amountCents
      overdueInvoicesCount
      overdueAmountCents
    }
    customer(id: $chosenCustomerId) @include(if: $withChosenCustomer) {
      id
      name
      externalId
    }
  }
`);

export const RevenueCustomerOptionsDocument = graphql(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`);
