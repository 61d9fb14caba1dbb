// Credit notes: the list (the graph's `creditNotes` page and its filters), one note, the approval
// decisions, voiding, and the wizard's invoice, live estimate and creation. Relations another
// permission guards (the customer, the invoice, a fee) are asked only when the member holds it.
import { graphql } from "../gql";

export const CreditNotesDocument = graphql(`
  query CreditNotes(
    $page: Int
    $limit: Int
    $status: [CreditNoteStatus!]
    $reason: [CreditNoteReasonEnum!]
    $issuingDateFrom: Date
    $issuingDateTo: Date
    $searchTerm: String
    $invoiceId: ID
    $customerId: ID
    $withCustomer: Boolean!
    $withInvoice: Boolean!
  ) {
    creditNotes(
      page: $page
      limit: $limit
      status: $status
      reason: $reason
      issuingDateFrom: $issuingDateFrom
      issuingDateTo: $issuingDateTo
      searchTerm: $searchTerm
      invoiceId: $invoiceId
      customerId: $customerId
    ) {
      collection {
        id
        number
        reason
        status
        currency
        totalAmountCents
        creditAmountCents
        refundAmountCents
        issuingDate
        createdByUserId
        customer @include(if: $withCustomer) {
          id
          name
        }
        invoice @include(if: $withInvoice) {
          id
          number
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

export const CreditNoteDocument = graphql(`
  query CreditNote($id: ID!, $withCustomer: Boolean!, $withInvoice: Boolean!) {
    creditNote(id: $id) {
      id
      number
      reason
      description
      status
      creditStatus
      refundStatus
      currency
      subTotalExcludingTaxesAmountCents
      taxesAmountCents
      totalAmountCents
      creditAmountCents
      balanceAmountCents
      refundAmountCents
      issuingDate
      voidedAt
      refundedAt
      createdAt
      createdByUserId
      createdByApiKeyId
      decidedByUserId
      decidedByApiKeyId
      decidedAt
      rejectionReason
      items {
        id
        amountCents
        taxesAmountCents
        totalAmountCents
        fee @include(if: $withInvoice) {
          id
          invoiceDisplayName
        }
      }
      customer @include(if: $withCustomer) {
        id
        name
      }
      invoice @include(if: $withInvoice) {
        id
        number
      }
    }
  }
`);

export const VoidCreditNoteDocument = graphql(`
  mutation VoidCreditNote($id: ID!) {
    voidCreditNote(input: { id: $id }) {
      id
      status
      creditStatus
      balanceAmountCents
      voidedAt
    }
  }
`);

export const ApproveCreditNoteDocument = graphql(`
  mutation ApproveCreditNote($id: ID!) {
    approveCreditNote(input: { id: $id }) {
      id
      status
      creditStatus
      refundStatus
      balanceAmountCents
      decidedByUserId
      decidedAt
    }
  }
`);

export const RejectCreditNoteDocument = graphql(`
  mutation RejectCreditNote($id: ID!, $reason: String!) {
    rejectCreditNote(input: { id: $id, reason: $reason }) {
      id
      status
      rejectionReason
      decidedByUserId
      decidedAt
    }
  }
`);

export const CreditNoteInvoiceDocument = graphql(`
  query CreditNoteInvoice($id: ID!, $withCustomer: Boolean!) {
    invoice(id: $id) {
      id
      number
      status
      currency
      totalAmountCents
      customer @include(if: $withCustomer) {
        id
        name
      }
      fees {
        id
        invoiceDisplayName
        amountCents
        couponsAmountCents
        taxesRate
        totalAmountCents
      }
    }
  }
`);

export const FindInvoiceDocument = graphql(`
  query FindInvoice($searchTerm: String) {
    invoices(searchTerm: $searchTerm, limit: 20) {
      collection {
        id
        number
      }
    }
  }
`);

export const CreditNoteEstimateDocument = graphql(`
  query CreditNoteEstimate($invoiceId: ID!, $items: [CreditNoteItemInput!]!) {
    creditNoteEstimate(invoiceId: $invoiceId, items: $items) {
      currency
      subTotalExcludingTaxesAmountCents
      taxesAmountCents
      totalAmountCents
      maxCreditableAmountCents
      maxRefundableAmountCents
      items {
        feeId
        amountCents
        taxesAmountCents
      }
      creditableFees {
        feeId
        creditableAmountCents
      }
    }
  }
`);

export const CreateCreditNoteDocument = graphql(`
  mutation CreateCreditNote($input: CreateCreditNoteInput!) {
    createCreditNote(input: $input) {
      id
      number
      status
    }
  }
`);
