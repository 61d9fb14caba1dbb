import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{A as t,D as n,E as r,F as i,_ as a,a as o,k as s,n as c,o as l,s as u,t as d,y as f}from"./mantine-DmrqMTt4.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{a as y,r as b}from"./index-Fh2euI0s.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-KCpxXkXQ.js";var k=e(m(),1),A=y(`
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
`),M=p(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:n}){let[r,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[c]=i(o.trim(),300),[l]=g({query:j,variables:{searchTerm:c===``?null:c,limit:20},pause:!r}),d=(0,k.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,M.jsx)(u,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:t,chosenCustomer:n,seenCurrencies:r,errors:i,onChange:a,onClear:o}){let d=(0,k.useMemo)(()=>{let t=[...new Set([...r,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[r,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(s,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(l,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,M.jsx)(u,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:d,value:e.currency,onChange:e=>a(`currency`,e),error:i.currency}),t&&(0,M.jsx)(P,{value:e.customerId,chosen:n,onChange:e=>a(`customerId`,e)}),(0,M.jsx)(c,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>a(`fromMonth`,e.currentTarget.value),error:i.fromMonth}),(0,M.jsx)(c,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>a(`toMonth`,e.currentTarget.value),error:i.toMonth})]}),p&&(0,M.jsx)(f,{variant:`subtle`,onClick:o,children:`Clear filters`})]})}function I(){let{permissions:e}=b(),i=x(e),[s,c]=h(),l=T(s,i),u=(0,k.useMemo)(()=>D(l),[l.currency,l.customerId,l.fromMonth,l.toMonth]),[{data:f,fetching:p,error:m}]=g({query:A,variables:u}),y=_(m),j=Object.keys(y).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(s);t===null||t===``?n.delete(S[e]):n.set(S[e],t),c(n)},[s,c]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[f?.mrrs,f?.grossRevenues,f?.invoicedUsages,f?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[f]),I=f?.customer??null,L=f?.mrrs&&f.grossRevenues&&f.invoicedUsages&&f.outstandingInvoices?f:null;return(0,M.jsxs)(o,{gap:`lg`,children:[(0,M.jsx)(d,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:l,withCustomer:i,chosenCustomer:I,seenCurrencies:P,errors:y,onChange:N,onClear:()=>c(new URLSearchParams)}),I&&(0,M.jsxs)(r,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),m&&!j&&!L&&(0,M.jsx)(n,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,M.jsx)(a,{p:`xl`,children:(0,M.jsx)(t,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};