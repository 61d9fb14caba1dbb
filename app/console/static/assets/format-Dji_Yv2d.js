import{t as e}from"./gql-D9t4YNPX.js";var t=e(`
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
`);function u(e){try{return new Intl.NumberFormat(`en`,{style:`currency`,currency:e}).resolvedOptions().maximumFractionDigits??2}catch{return 2}}function d(e,t){let n=String(e),r=n.startsWith(`-`),i=(r?n.slice(1):n).padStart(u(t)+1,`0`),a=u(t),o=a===0?i:`${i.slice(0,i.length-a)}.${i.slice(-a)}`;return r?`-${o}`:o}function f(e,t){let n=e.trim(),r=u(t),i=/^(\d+)(?:[.,](\d*))?$/.exec(n);if(i===null)return null;let a=i[1]??`0`,o=i[2]??``;return o.length>r?null:`${a}${o.padEnd(r,`0`)}`.replace(/^0+(?=\d)/,``)}function p(e,t){let n=d(e,t);try{return new Intl.NumberFormat(void 0,{style:`currency`,currency:t}).format(n)}catch{return`${n} ${t}`}}var m={DUPLICATED_CHARGE:`Duplicated charge`,PRODUCT_UNSATISFACTORY:`Product unsatisfactory`,ORDER_CHANGE:`Order change`,ORDER_CANCELLATION:`Order cancellation`,FRAUDULENT_CHARGE:`Fraudulent charge`,OTHER:`Other`},h={PENDING_APPROVAL:`Pending approval`,FINALIZED:`Finalized`,VOIDED:`Voided`,REJECTED:`Rejected`},g={PENDING_APPROVAL:`yellow.4`,FINALIZED:`teal.9`,VOIDED:`gray.7`,REJECTED:`red.9`},_=new Intl.DateTimeFormat(void 0,{dateStyle:`medium`}),v=new Intl.DateTimeFormat(void 0,{dateStyle:`medium`,timeStyle:`short`});function y(e){let[t,n,r]=e.split(`-`).map(Number);return _.format(new Date(t??1970,(n??1)-1,r??1))}function b(e){return v.format(new Date(e))}function x(e){let t={};for(let n of e?.graphQLErrors??[]){if(n.extensions.code!==`VALIDATION_ERROR`)continue;let e=n.extensions.fields;if(typeof e==`object`&&e)for(let[n,r]of Object.entries(e))t[n]=String(r)}return t}function S(e){return e.graphQLErrors[0]?.message??e.message}export{s as _,S as a,p as c,i as d,l as f,t as g,o as h,f as i,d as l,c as m,h as n,y as o,n as p,g as r,b as s,m as t,x as u,a as v,r as y};