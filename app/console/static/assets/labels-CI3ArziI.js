import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
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
`),n=e(`
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
`),r=e(`
  mutation VoidCreditNote($id: ID!) {
    voidCreditNote(input: { id: $id }) {
      id
      status
      creditStatus
      balanceAmountCents
      voidedAt
    }
  }
`),i=e(`
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
`),a=e(`
  mutation RejectCreditNote($id: ID!, $reason: String!) {
    rejectCreditNote(input: { id: $id, reason: $reason }) {
      id
      status
      rejectionReason
      decidedByUserId
      decidedAt
    }
  }
`),o=e(`
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
`),s=e(`
  query FindInvoice($searchTerm: String) {
    invoices(searchTerm: $searchTerm, limit: 20) {
      collection {
        id
        number
      }
    }
  }
`),c=e(`
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
`),l=e(`
  mutation CreateCreditNote($input: CreateCreditNoteInput!) {
    createCreditNote(input: $input) {
      id
      number
      status
    }
  }
`),u={DUPLICATED_CHARGE:`Duplicated charge`,PRODUCT_UNSATISFACTORY:`Product unsatisfactory`,ORDER_CHANGE:`Order change`,ORDER_CANCELLATION:`Order cancellation`,FRAUDULENT_CHARGE:`Fraudulent charge`,OTHER:`Other`},d={PENDING_APPROVAL:`Pending approval`,FINALIZED:`Finalized`,VOIDED:`Voided`,REJECTED:`Rejected`},f={PENDING_APPROVAL:`yellow.4`,FINALIZED:`teal.9`,VOIDED:`gray.7`,REJECTED:`red.9`};export{l as a,o as c,a as d,r as f,i,t as l,d as n,n as o,f as r,c as s,u as t,s as u};