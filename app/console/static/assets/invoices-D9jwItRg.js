import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
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
`),c=e(`
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
`),l=e(`
  mutation CreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      id
      number
    }
  }
`);export{i as a,a as c,n as i,s as l,o as n,t as o,r,c as s,l as t};