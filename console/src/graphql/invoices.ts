// Invoices: the list (the graph's page with its filters), one invoice with everything its detail page
// shows (one request), the customers offered by the list's customer filter, and the invoice actions.
import { graphql } from "../gql";

export const InvoicesDocument = graphql(`
  query Invoices(
    $page: Int
    $limit: Int
    $customerId: ID
    $status: [InvoiceStatus!]
    $invoiceType: [InvoiceTypeEnum!]
    $paymentStatus: [InvoicePaymentStatus!]
    $issuingDateFrom: Date
    $issuingDateTo: Date
    $searchTerm: String
    $withCustomer: Boolean!
  ) {
    invoices(
      page: $page
      limit: $limit
      customerId: $customerId
      status: $status
      invoiceType: $invoiceType
      paymentStatus: $paymentStatus
      issuingDateFrom: $issuingDateFrom
      issuingDateTo: $issuingDateTo
      searchTerm: $searchTerm
    ) {
      collection {
        id
        number
        invoiceType
        status
        paymentStatus
        currency
        issuingDate
        totalAmountCents
        customer @include(if: $withCustomer) {
          id
          name
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

export const InvoiceCustomerOptionsDocument = graphql(`
  query InvoiceCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`);

export const InvoiceCustomerDocument = graphql(`
  query InvoiceCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      externalId
    }
  }
`);

export const InvoiceDocument = graphql(`
  query Invoice($id: ID!, $withCustomer: Boolean!, $withCreditNotes: Boolean!) {
    invoice(id: $id) {
      id
      number
      invoiceType
      status
      paymentStatus
      currency
      issuingDate
      paymentDueDate
      netPaymentTerm
      feesAmountCents
      couponsAmountCents
      subTotalExcludingTaxesAmountCents
      taxesAmountCents
      subTotalIncludingTaxesAmountCents
      creditNotesAmountCents
      prepaidCreditAmountCents
      totalAmountCents
      finalizedAt
      voidedAt
      paidAt
      createdAt
      customer @include(if: $withCustomer) {
        id
        name
        externalId
      }
      fees {
        id
        feeType
        invoiceDisplayName
        units
        unitAmountCents
        amountCents
        currency
        couponsAmountCents
        taxesRate
        taxesAmountCents
        totalAmountCents
        periodStart
        periodEnd
        appliedTaxes {
          taxCode
          taxName
          taxRate
          amountCents
        }
      }
      creditNotes @include(if: $withCreditNotes) {
        id
        number
        status
        reason
        issuingDate
        currency
        totalAmountCents
      }
    }
  }
`);

export const RefreshInvoiceDocument = graphql(`
  mutation RefreshInvoice($id: ID!) {
    refreshInvoice(input: { id: $id }) {
      id
      status
    }
  }
`);

export const FinalizeInvoiceDocument = graphql(`
  mutation FinalizeInvoice($id: ID!) {
    finalizeInvoice(input: { id: $id }) {
      id
      status
    }
  }
`);

export const VoidInvoiceDocument = graphql(`
  mutation VoidInvoice($id: ID!) {
    voidInvoice(input: { id: $id }) {
      id
      status
    }
  }
`);

// A one-off invoice from add-ons (`/customers/:id/invoices/new`): the customer and the add-ons the
// form offers, in one request; then createInvoice.
export const OneOffInvoiceFormDocument = graphql(`
  query OneOffInvoiceForm($customerId: ID!, $limit: Int) {
    customer(id: $customerId) {
      id
      name
      externalId
      currency
    }
    addOns(limit: $limit) {
      collection {
        id
        name
        code
        invoiceDisplayName
        amountCents
        amountCurrency
      }
      metadata {
        totalCount
      }
    }
  }
`);

export const CreateInvoiceDocument = graphql(`
  mutation CreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      id
      number
    }
  }
`);
