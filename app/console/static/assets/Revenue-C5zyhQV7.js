import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{A as t,B as n,C as r,N as i,P as a,a as o,j as s,n as c,o as l,s as u,t as d,x as f}from"./mantine-QkvXbZw3.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{c as y,i as b}from"./index-BItu_Ed3.js";import{n as x}from"./actions-DZcs_MDC.js";import{a as S,i as C,n as w,o as T,r as E,s as D,t as O}from"./sections-HvybDeW4.js";var k=e(m(),1),A=y(`
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
`),M=p(),N=Intl.supportedValuesOf(`currency`);function P({value:e,chosen:t,onChange:r}){let[i,a]=(0,k.useState)(!1),[o,s]=(0,k.useState)(``),[c]=n(o.trim(),300),[l]=g({query:j,variables:{searchTerm:c===``?null:c,limit:20},pause:!i}),d=(0,k.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,M.jsx)(u,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:r,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function F({filters:e,withCustomer:t,chosenCustomer:n,seenCurrencies:a,errors:o,onChange:s,onClear:d}){let f=(0,k.useMemo)(()=>{let t=[...new Set([...a,...e.currency?[e.currency]:[]])].sort(),n=N.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[a,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,M.jsxs)(i,{align:`flex-end`,gap:`md`,children:[(0,M.jsxs)(l,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,M.jsx)(u,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>s(`currency`,e),error:o.currency}),t&&(0,M.jsx)(P,{value:e.customerId,chosen:n,onChange:e=>s(`customerId`,e)}),(0,M.jsx)(c,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>s(`fromMonth`,e.currentTarget.value),error:o.fromMonth}),(0,M.jsx)(c,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>s(`toMonth`,e.currentTarget.value),error:o.toMonth})]}),p&&(0,M.jsx)(r,{variant:`subtle`,onClick:d,children:`Clear filters`})]})}function I(){let{permissions:e}=b(),n=x(e),[r,i]=h(),c=T(r,n),l=(0,k.useMemo)(()=>D(c),[c.currency,c.customerId,c.fromMonth,c.toMonth]),[{data:u,fetching:p,error:m}]=g({query:A,variables:l}),y=_(m),j=Object.keys(y).length>0,N=(0,k.useCallback)((e,t)=>{let n=new URLSearchParams(r);t===null||t===``?n.delete(S[e]):n.set(S[e],t),i(n)},[r,i]),P=(0,k.useMemo)(()=>{let e=new Set;for(let t of[u?.mrrs,u?.grossRevenues,u?.invoicedUsages,u?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[u]),I=u?.customer??null,L=u?.mrrs&&u.grossRevenues&&u.invoicedUsages&&u.outstandingInvoices?u:null;return(0,M.jsxs)(o,{gap:`lg`,children:[(0,M.jsx)(d,{order:1,children:`Revenue`}),(0,M.jsx)(F,{filters:c,withCustomer:n,chosenCustomer:I,seenCurrencies:P,errors:y,onChange:N,onClear:()=>i(new URLSearchParams)}),I&&(0,M.jsxs)(t,{size:`sm`,children:[`Figures of `,I.name,` (`,I.externalId,`) only.`]}),m&&!j&&!L&&(0,M.jsx)(s,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,M.jsx)(f,{p:`xl`,children:(0,M.jsx)(a,{"aria-label":`Loading revenue`})}),L&&(0,M.jsxs)(M.Fragment,{children:[(0,M.jsx)(E,{rows:L.mrrs??[]}),(0,M.jsx)(O,{rows:L.grossRevenues??[]}),(0,M.jsx)(w,{rows:L.invoicedUsages??[]}),(0,M.jsx)(C,{rows:L.outstandingInvoices??[]})]})]})}export{I as default};