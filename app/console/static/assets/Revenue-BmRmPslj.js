import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{H as t,R as n,U as r,at as i,d as a,f as o,j as s,k as c,o as l,p as u,s as d,z as f}from"./mantine-DD3iPAi4.js";import{f as p,g as m,p as h}from"./react-DEpeCm3W.js";import{U as g}from"./graphql-DzSSvvds.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{i as y,o as b}from"./index-eSf1J9Z8.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-BuoUjXFL.js";var k=e(m(),1),A=b(`
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
`),j=b(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),M=h(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:n}){let[r,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[c]=i(o.trim(),300),[l]=g({query:j,variables:{searchTerm:c===``?null:c,limit:20},pause:!r}),d=(0,k.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,M.jsx)(u,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:n,chosenCustomer:r,seenCurrencies:i,errors:a,onChange:c,onClear:l}){let f=(0,k.useMemo)(()=>{let t=[...new Set([...i,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[i,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(t,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(o,{cols:{base:1,sm:2,lg:n?4:3},style:{flex:1},children:[(0,M.jsx)(u,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>c(`currency`,e),error:a.currency}),n&&(0,M.jsx)(P,{value:e.customerId,chosen:r,onChange:e=>c(`customerId`,e)}),(0,M.jsx)(d,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>c(`fromMonth`,e.currentTarget.value),error:a.fromMonth}),(0,M.jsx)(d,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>c(`toMonth`,e.currentTarget.value),error:a.toMonth})]}),p&&(0,M.jsx)(s,{variant:`subtle`,onClick:l,children:`Clear filters`})]})}function I(){let{permissions:e}=y(),t=x(e),[i,o]=p(),s=T(i,t),u=(0,k.useMemo)(()=>D(s),[s.currency,s.customerId,s.fromMonth,s.toMonth]),[{data:d,fetching:m,error:h}]=g({query:A,variables:u}),b=_(h),j=Object.keys(b).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(i);t===null||t===``?n.delete(S[e]):n.set(S[e],t),o(n)},[i,o]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[d?.mrrs,d?.grossRevenues,d?.invoicedUsages,d?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[d]),I=d?.customer??null,L=d?.mrrs&&d.grossRevenues&&d.invoicedUsages&&d.outstandingInvoices?d:null;return(0,M.jsxs)(a,{gap:`lg`,children:[(0,M.jsx)(l,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:s,withCustomer:t,chosenCustomer:I,seenCurrencies:P,errors:b,onChange:N,onClear:()=>o(new URLSearchParams)}),I&&(0,M.jsxs)(n,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),h&&!j&&!L&&(0,M.jsx)(f,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(h)}),!L&&m&&(0,M.jsx)(c,{p:`xl`,children:(0,M.jsx)(r,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};