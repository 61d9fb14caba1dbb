import{t as e}from"./gql-D9t4YNPX.js";var t=e(`
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
`);function c(e){return new Intl.NumberFormat(`en`,{style:`currency`,currency:e}).resolvedOptions().maximumFractionDigits??2}function l(e,t){let n=/^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(e.trim());if(n===null||(n[2]??``)+(n[3]??``)===``)throw Error(`not a decimal amount: ${e}`);let r=n[1]===`-`?`-`:``,i=n[3]??``,a=(n[2]??``)+i,o=i.length-Number(n[4]??`0`)+t;o<0&&(a+=`0`.repeat(-o),o=0),a=a.padStart(o+1,`0`);let s=a.length-o,c=a.slice(0,s).replace(/^0+(?=\d)/,``),l=a.slice(s).replace(/0+$/,``);return`${r}${c}${l===``?``:`.${l}`}`}function u(e){return BigInt(typeof e==`number`?Math.trunc(e):e).toString()}function d(e,t){let n=c(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:n}).format(l(u(e),n))}function f(e,t){let n=c(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:20}).format(l(e,n))}function p(e){let t=0n;for(let n of e)t+=BigInt(u(n));return t}function m(e){return new Intl.NumberFormat(void 0,{maximumFractionDigits:20}).format(e)}var h={refresh:`invoices:update`,finalize:`invoices:update`,void:`invoices:void`},g=`invoices:export`;function _(e,t){return e.status===`DRAFT`&&t.has(h.refresh)}function v(e,t){return e.status===`DRAFT`&&t.has(h.finalize)}function y(e,t){return e.status===`FINALIZED`&&e.paymentStatus!==`SUCCEEDED`&&t.has(h.void)}function b(e){return e.has(g)}function x(e,t){let n=[];return _(e,t)&&n.push(`refresh`),v(e,t)&&n.push(`finalize`),y(e,t)&&n.push(`void`),n}var S={DRAFT:`Draft`,FINALIZED:`Finalized`,VOIDED:`Voided`},C={PENDING:`Pending`,SUCCEEDED:`Succeeded`,FAILED:`Failed`},w={SUBSCRIPTION:`Subscription`,ONE_OFF:`One-off`,CREDIT:`Credit`},T={SUBSCRIPTION:`Subscription`,CHARGE:`Usage`,ADD_ON:`Add-on`,CREDIT:`Credit`},E={DRAFT:`gray`,FINALIZED:`blue`,VOIDED:`red`},D=new Intl.DateTimeFormat(void 0,{dateStyle:`medium`,timeZone:`UTC`});function O(e){return D.format(new Date(`${e.slice(0,10)}T00:00:00Z`))}export{t as _,w as a,x as c,f as d,p as f,i as g,n as h,S as i,m as l,r as m,C as n,O as o,o as p,E as r,b as s,T as t,d as u,a as v,s as y};