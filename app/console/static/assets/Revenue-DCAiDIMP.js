import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{E as t,I as n,L as r,N as i,P as a,U as o,c as s,n as c,o as l,s as u,t as d,w as f}from"./mantine-CZXpRZcI.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{c as y,i as b}from"./index-BRDqB1-b.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-DrcBE91k.js";var k=e(m(),1),A=y(`
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
`),M=p(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:n}){let[r,i]=(0,k.useState)(!1),[a,c]=(0,k.useState)(``),[l]=o(a.trim(),300),[u]=g({query:j,variables:{searchTerm:l===``?null:l,limit:20},pause:!r}),d=(0,k.useMemo)(()=>{let e=u.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[u.data,t]);return(0,M.jsx)(s,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:u.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>i(!0),onSearchChange:e=>{c(e),e!==``&&i(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:r,chosenCustomer:i,seenCurrencies:a,errors:o,onChange:l,onClear:d}){let f=(0,k.useMemo)(()=>{let t=[...new Set([...a,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[a,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(n,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(u,{cols:{base:1,sm:2,lg:r?4:3},style:{flex:1},children:[(0,M.jsx)(s,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>l(`currency`,e),error:o.currency}),r&&(0,M.jsx)(P,{value:e.customerId,chosen:i,onChange:e=>l(`customerId`,e)}),(0,M.jsx)(c,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>l(`fromMonth`,e.currentTarget.value),error:o.fromMonth}),(0,M.jsx)(c,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>l(`toMonth`,e.currentTarget.value),error:o.toMonth})]}),p&&(0,M.jsx)(t,{variant:`subtle`,onClick:d,children:`Clear filters`})]})}function I(){let{permissions:e}=b(),t=x(e),[n,o]=h(),s=T(n,t),c=(0,k.useMemo)(()=>D(s),[s.currency,s.customerId,s.fromMonth,s.toMonth]),[{data:u,fetching:p,error:m}]=g({query:A,variables:c}),y=_(m),j=Object.keys(y).length>0,N=(0,k.useCallback)((e,t)=>{let r=new URLSearchParams(n);t===null||t===``?r.delete(S[e]):r.set(S[e],t),o(r)},[n,o]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[u?.mrrs,u?.grossRevenues,u?.invoicedUsages,u?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[u]),I=u?.customer??null,L=u?.mrrs&&u.grossRevenues&&u.invoicedUsages&&u.outstandingInvoices?u:null;return(0,M.jsxs)(l,{gap:`lg`,children:[(0,M.jsx)(d,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:s,withCustomer:t,chosenCustomer:I,seenCurrencies:P,errors:y,onChange:N,onClear:()=>o(new URLSearchParams)}),I&&(0,M.jsxs)(i,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),m&&!j&&!L&&(0,M.jsx)(a,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,M.jsx)(f,{p:`xl`,children:(0,M.jsx)(r,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};