import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{D as t,E as n,M as r,T as i,_ as a,a as o,h as s,n as c,o as l,s as u,t as d,w as f}from"./mantine-BNs4oVYd.js";import{d as p,m,u as h}from"./react-NbSbU0Yf.js";import{i as g}from"./graphql-crtUrLD5.js";import{i as _,t as v}from"./format-B5t8BnP_.js";import{i as y,n as b}from"./index-uNQvD6Rf.js";import{a as x,i as S,n as C,o as w,r as T,s as E,t as D}from"./sections-D9qP63xv.js";var O=e(m(),1),k=y(`
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
`),A=y(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),j=`customers:view`;function M(e){return e.has(j)}var N=p(),P=Intl.supportedValuesOf(`currency`);function F({value:e,chosen:t,onChange:n}){let[i,a]=(0,O.useState)(!1),[o,s]=(0,O.useState)(``),[c]=r(o.trim(),300),[l]=g({query:A,variables:{searchTerm:c===``?null:c,limit:20},pause:!i}),d=(0,O.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,N.jsx)(u,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:d,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function I({filters:e,withCustomer:t,chosenCustomer:r,seenCurrencies:i,errors:o,onChange:s,onClear:d}){let f=(0,O.useMemo)(()=>{let t=[...new Set([...i,...e.currency?[e.currency]:[]])].sort(),n=P.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[i,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,N.jsxs)(n,{align:`flex-end`,gap:`md`,children:[(0,N.jsxs)(l,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,N.jsx)(u,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:f,value:e.currency,onChange:e=>s(`currency`,e),error:o.currency}),t&&(0,N.jsx)(F,{value:e.customerId,chosen:r,onChange:e=>s(`customerId`,e)}),(0,N.jsx)(c,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>s(`fromMonth`,e.currentTarget.value),error:o.fromMonth}),(0,N.jsx)(c,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>s(`toMonth`,e.currentTarget.value),error:o.toMonth})]}),p&&(0,N.jsx)(a,{variant:`subtle`,onClick:d,children:`Clear filters`})]})}function L(){let{permissions:e}=b(),n=M(e),[r,a]=h(),c=w(r,n),l=(0,O.useMemo)(()=>E(c),[c.currency,c.customerId,c.fromMonth,c.toMonth]),[{data:u,fetching:p,error:m}]=g({query:k,variables:l}),y=_(m),A=Object.keys(y).length>0,j=(0,O.useCallback)((e,t)=>{let n=new URLSearchParams(r);t===null||t===``?n.delete(x[e]):n.set(x[e],t),a(n)},[r,a]),P=(0,O.useMemo)(()=>{let e=new Set;for(let t of[u?.mrrs,u?.grossRevenues,u?.invoicedUsages,u?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[u]),F=u?.customer??null,L=u?.mrrs&&u.grossRevenues&&u.invoicedUsages&&u.outstandingInvoices?u:null;return(0,N.jsxs)(o,{gap:`lg`,children:[(0,N.jsx)(d,{order:1,children:`Revenue`}),(0,N.jsx)(I,{filters:c,withCustomer:n,chosenCustomer:F,seenCurrencies:P,errors:y,onChange:j,onClear:()=>a(new URLSearchParams)}),F&&(0,N.jsxs)(f,{size:`sm`,children:[`Figures of `,F.name,` (`,F.externalId,`) only.`]}),m&&!A&&!L&&(0,N.jsx)(i,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:v(m)}),!L&&p&&(0,N.jsx)(s,{p:`xl`,children:(0,N.jsx)(t,{"aria-label":`Loading revenue`})}),L&&(0,N.jsxs)(N.Fragment,{children:[(0,N.jsx)(T,{rows:L.mrrs??[]}),(0,N.jsx)(D,{rows:L.grossRevenues??[]}),(0,N.jsx)(C,{rows:L.invoicedUsages??[]}),(0,N.jsx)(S,{rows:L.outstandingInvoices??[]})]})]})}export{L as default};