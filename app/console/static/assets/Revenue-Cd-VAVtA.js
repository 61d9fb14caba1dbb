import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{T as t,d as n,h as r,i,o as a,p as o,u as s}from"./index-BXS-dpZZ.js";import{f as c,m as l,u}from"./theme-BOTZ9joL.js";import{t as d}from"./Text-BWWSvdEw.js";import{f,g as p,p as m}from"./react-DEpeCm3W.js";import{i as h}from"./graphql-D1XaHrt4.js";import{i as g,t as _}from"./format-B5t8BnP_.js";import{n as v}from"./actions-DZcs_MDC.js";import{a as y,i as b,n as x,o as S,r as C,s as w,t as T}from"./sections-MK8gtML-.js";import{t as E}from"./SimpleGrid-DY8FCpIm.js";import{t as D}from"./TextInput-D8NzPrKe.js";import{L as O}from"./mantine-ClXoOkoL.js";var k=e(p(),1),A=a(`
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
`),j=a(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),M=m(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:r}){let[i,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[c]=O(o.trim(),300),[l]=h({query:j,variables:{searchTerm:c===``?null:c,limit:20},pause:!i}),u=(0,k.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,M.jsx)(n,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:u,value:e,onChange:r,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:t,chosenCustomer:i,seenCurrencies:a,errors:o,onChange:s,onClear:l}){let u=(0,k.useMemo)(()=>{let t=[...new Set([...a,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[a,e.currency]),d=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(c,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(E,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,M.jsx)(n,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:u,value:e.currency,onChange:e=>s(`currency`,e),error:o.currency}),t&&(0,M.jsx)(P,{value:e.customerId,chosen:i,onChange:e=>s(`customerId`,e)}),(0,M.jsx)(D,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>s(`fromMonth`,e.currentTarget.value),error:o.fromMonth}),(0,M.jsx)(D,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>s(`toMonth`,e.currentTarget.value),error:o.toMonth})]}),d&&(0,M.jsx)(r,{variant:`subtle`,onClick:l,children:`Clear filters`})]})}function I(){let{permissions:e}=i(),n=v(e),[r,a]=f(),c=S(r,n),p=(0,k.useMemo)(()=>w(c),[c.currency,c.customerId,c.fromMonth,c.toMonth]),[{data:m,fetching:E,error:D}]=h({query:A,variables:p}),O=g(D),j=Object.keys(O).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(r);t===null||t===``?n.delete(y[e]):n.set(y[e],t),a(n)},[r,a]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[m?.mrrs,m?.grossRevenues,m?.invoicedUsages,m?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[m]),I=m?.customer??null,L=m?.mrrs&&m.grossRevenues&&m.invoicedUsages&&m.outstandingInvoices?m:null;return(0,M.jsxs)(s,{gap:`lg`,children:[(0,M.jsx)(u,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:c,withCustomer:n,chosenCustomer:I,seenCurrencies:P,errors:O,onChange:N,onClear:()=>a(new URLSearchParams)}),I&&(0,M.jsxs)(d,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),D&&!j&&!L&&(0,M.jsx)(t,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:_(D)}),!L&&E&&(0,M.jsx)(o,{p:`xl`,children:(0,M.jsx)(l,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(C,{rows:L.mrrs??[]}),(0,M.jsx)(T,{rows:L.grossRevenues??[]}),(0,M.jsx)(x,{rows:L.invoicedUsages??[]}),(0,M.jsx)(b,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};