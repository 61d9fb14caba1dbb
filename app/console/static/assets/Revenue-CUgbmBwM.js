import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{C as t,F as n,H as r,I as i,M as a,N as o,T as s,c,n as l,o as u,s as d,t as f}from"./mantine-BW7Vih4u.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{c as y,i as b}from"./index-CsV9VhWG.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-kiLnmgw0.js";var k=e(m(),1),A=y(`
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
`),j=y(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),M=p(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:n}){let[i,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[l]=r(o.trim(),300),[u]=g({query:j,variables:{searchTerm:l===``?null:l,limit:20},pause:!i}),d=(0,k.useMemo)(()=>{let e=u.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[u.data,t]);return(0,M.jsx)(c,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:u.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:t,chosenCustomer:r,seenCurrencies:i,errors:a,onChange:o,onClear:u}){let f=(0,k.useMemo)(()=>{let t=[...new Set([...i,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[i,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(n,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(d,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,M.jsx)(c,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>o(`currency`,e),error:a.currency}),t&&(0,M.jsx)(P,{value:e.customerId,chosen:r,onChange:e=>o(`customerId`,e)}),(0,M.jsx)(l,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>o(`fromMonth`,e.currentTarget.value),error:a.fromMonth}),(0,M.jsx)(l,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>o(`toMonth`,e.currentTarget.value),error:a.toMonth})]}),p&&(0,M.jsx)(s,{variant:`subtle`,onClick:u,children:`Clear filters`})]})}function I(){let{permissions:e}=b(),n=x(e),[r,s]=h(),c=T(r,n),l=(0,k.useMemo)(()=>D(c),[c.currency,c.customerId,c.fromMonth,c.toMonth]),[{data:d,fetching:p,error:m}]=g({query:A,variables:l}),y=_(m),j=Object.keys(y).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(r);t===null||t===``?n.delete(S[e]):n.set(S[e],t),s(n)},[r,s]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[d?.mrrs,d?.grossRevenues,d?.invoicedUsages,d?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[d]),I=d?.customer??null,L=d?.mrrs&&d.grossRevenues&&d.invoicedUsages&&d.outstandingInvoices?d:null;return(0,M.jsxs)(u,{gap:`lg`,children:[(0,M.jsx)(f,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:c,withCustomer:n,chosenCustomer:I,seenCurrencies:P,errors:y,onChange:N,onClear:()=>s(new URLSearchParams)}),I&&(0,M.jsxs)(a,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),m&&!j&&!L&&(0,M.jsx)(o,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,M.jsx)(t,{p:`xl`,children:(0,M.jsx)(i,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};