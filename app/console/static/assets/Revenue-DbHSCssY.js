import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{M as t,O as n,R as r,a as i,j as a,k as o,n as s,o as c,s as l,t as u,x as d,y as f}from"./mantine-BquRX2JQ.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{o as y,r as b}from"./index-D0yNGize.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-BL-sa-ml.js";var k=e(m(),1),A=y(`
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
`),M=p(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:n}){let[i,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[c]=r(o.trim(),300),[u]=g({query:j,variables:{searchTerm:c===``?null:c,limit:20},pause:!i}),d=(0,k.useMemo)(()=>{let e=u.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[u.data,t]);return(0,M.jsx)(l,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:u.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:t,chosenCustomer:n,seenCurrencies:r,errors:i,onChange:o,onClear:u}){let f=(0,k.useMemo)(()=>{let t=[...new Set([...r,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[r,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(a,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(c,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,M.jsx)(l,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>o(`currency`,e),error:i.currency}),t&&(0,M.jsx)(P,{value:e.customerId,chosen:n,onChange:e=>o(`customerId`,e)}),(0,M.jsx)(s,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>o(`fromMonth`,e.currentTarget.value),error:i.fromMonth}),(0,M.jsx)(s,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>o(`toMonth`,e.currentTarget.value),error:i.toMonth})]}),p&&(0,M.jsx)(d,{variant:`subtle`,onClick:u,children:`Clear filters`})]})}function I(){let{permissions:e}=b(),r=x(e),[a,s]=h(),c=T(a,r),l=(0,k.useMemo)(()=>D(c),[c.currency,c.customerId,c.fromMonth,c.toMonth]),[{data:d,fetching:p,error:m}]=g({query:A,variables:l}),y=_(m),j=Object.keys(y).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(a);t===null||t===``?n.delete(S[e]):n.set(S[e],t),s(n)},[a,s]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[d?.mrrs,d?.grossRevenues,d?.invoicedUsages,d?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[d]),I=d?.customer??null,L=d?.mrrs&&d.grossRevenues&&d.invoicedUsages&&d.outstandingInvoices?d:null;return(0,M.jsxs)(i,{gap:`lg`,children:[(0,M.jsx)(u,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:c,withCustomer:r,chosenCustomer:I,seenCurrencies:P,errors:y,onChange:N,onClear:()=>s(new URLSearchParams)}),I&&(0,M.jsxs)(n,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),m&&!j&&!L&&(0,M.jsx)(o,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,M.jsx)(f,{p:`xl`,children:(0,M.jsx)(t,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};