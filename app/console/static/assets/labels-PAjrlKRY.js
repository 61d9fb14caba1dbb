import{i as e}from"./index-EnemmBw_.js";var t=e(`
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
`),c={refresh:`invoices:update`,finalize:`invoices:update`,void:`invoices:void`},l=`invoices:export`;function u(e,t){return e.status===`DRAFT`&&t.has(c.refresh)}function d(e,t){return e.status===`DRAFT`&&t.has(c.finalize)}function f(e,t){return e.status===`FINALIZED`&&e.paymentStatus!==`SUCCEEDED`&&t.has(c.void)}function p(e,t){return e.status===`FINALIZED`&&e.invoiceType!==`CREDIT`&&t}function m(e){return e.has(l)}function h(e,t){let n=[];return u(e,t)&&n.push(`refresh`),d(e,t)&&n.push(`finalize`),f(e,t)&&n.push(`void`),n}var g={DRAFT:`Draft`,FINALIZED:`Finalized`,VOIDED:`Voided`},_={PENDING:`Pending`,SUCCEEDED:`Succeeded`,FAILED:`Failed`},v={SUBSCRIPTION:`Subscription`,ONE_OFF:`One-off`,CREDIT:`Credit`},y={SUBSCRIPTION:`Subscription`,CHARGE:`Usage`,ADD_ON:`Add-on`,CREDIT:`Credit`},b={DRAFT:`gray`,FINALIZED:`blue`,VOIDED:`red`};export{v as a,h as c,n as d,i as f,s as h,g as i,o as l,a as m,_ as n,m as o,t as p,b as r,p as s,y as t,r as u};