import{a as e}from"./index-Fh2euI0s.js";var t=e(`
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
`),n=e(`
  query InvoiceCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),r=e(`
  query InvoiceCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      externalId
    }
  }
`),i=e(`
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
`),a=e(`
  mutation RefreshInvoice($id: ID!) {
    refreshInvoice(input: { id: $id }) {
      id
      status
    }
  }
`),o=e(`
  mutation FinalizeInvoice($id: ID!) {
    finalizeInvoice(input: { id: $id }) {
      id
      status
    }
  }
`),s=e(`
  mutation VoidInvoice($id: ID!) {
    voidInvoice(input: { id: $id }) {
      id
      status
    }
  }
`),c={DRAFT:`Draft`,FINALIZED:`Finalized`,VOIDED:`Voided`},l={PENDING:`Pending`,SUCCEEDED:`Succeeded`,FAILED:`Failed`},u={SUBSCRIPTION:`Subscription`,ONE_OFF:`One-off`,CREDIT:`Credit`},d={SUBSCRIPTION:`Subscription`,CHARGE:`Usage`,ADD_ON:`Add-on`,CREDIT:`Credit`},f={DRAFT:`gray`,FINALIZED:`blue`,VOIDED:`red`};export{u as a,n as c,a as d,s as f,c as i,i as l,l as n,o,f as r,r as s,d as t,t as u};