const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/RevenueChart-DH3qU4mW.js","assets/charts-CWOoQ8J7.js","assets/rolldown-runtime-XKyaHtl9.js","assets/react-NbSbU0Yf.js","assets/money-JoKyMjwv.js"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{D as t,E as n,M as r,O as i,T as a,_ as o,a as s,h as c,i as l,n as u,o as d,s as f,t as p,w as m}from"./mantine-BNs4oVYd.js";import{d as h,m as g,u as _}from"./react-NbSbU0Yf.js";import{i as v}from"./graphql-crtUrLD5.js";import{i as ee,t as y}from"./format-B5t8BnP_.js";import{i as b,n as x,s as S}from"./index-EnemmBw_.js";import{a as C,n as w,r as T}from"./money-JoKyMjwv.js";var E=e(g(),1),D=b(`
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
`),O=b(`
  query RevenueCustomerOptions($searchTerm: String, $limit: Int) {
    customers(searchTerm: $searchTerm, limit: $limit) {
      collection {
        id
        name
        externalId
      }
    }
  }
`),k=`customers:view`;function A(e){return e.has(k)}var j=/^\d{4}-(0[1-9]|1[0-2])$/,M=/^[A-Z]{3}$/,N={currency:`currency`,customerId:`customer`,fromMonth:`from`,toMonth:`to`};function P(e){return e!==null&&j.test(e)?e:null}function F(e,t){let n=e.get(N.currency),r=e.get(N.customerId);return{currency:n!==null&&M.test(n)?n:null,customerId:t&&r!==null&&r!==``?r:null,fromMonth:P(e.get(N.fromMonth)),toMonth:P(e.get(N.toMonth))}}function I(e){return{fromMonth:e.fromMonth===null?null:`${e.fromMonth}-01`,toMonth:e.toMonth===null?null:`${e.toMonth}-01`,currency:e.currency,customerId:e.customerId,chosenCustomerId:e.customerId??``,withChosenCustomer:e.customerId!==null}}var L=new Intl.DateTimeFormat(void 0,{month:`short`,year:`numeric`,timeZone:`UTC`});function R(e){return L.format(new Date(`${e.slice(0,7)}-01T00:00:00Z`))}var z=h(),B=Intl.supportedValuesOf(`currency`);function V({value:e,chosen:t,onChange:n}){let[i,a]=(0,E.useState)(!1),[o,s]=(0,E.useState)(``),[c]=r(o.trim(),300),[l]=v({query:O,variables:{searchTerm:c===``?null:c,limit:20},pause:!i}),u=(0,E.useMemo)(()=>{let e=l.data?.customers?.collection??[];return(t&&!e.some(e=>e.id===t.id)?[t,...e]:e).map(e=>({value:e.id,label:`${e.name} (${e.externalId})`}))},[l.data,t]);return(0,z.jsx)(f,{label:`Customer`,placeholder:`All customers`,searchable:!0,clearable:!0,nothingFoundMessage:l.fetching?`Loading customers…`:`No customer matches`,data:u,value:e,onChange:n,onDropdownOpen:()=>a(!0),onSearchChange:e=>{s(e),e!==``&&a(!0)},filter:({options:e})=>e})}function H({filters:e,withCustomer:t,chosenCustomer:r,seenCurrencies:i,errors:a,onChange:s,onClear:c}){let l=(0,E.useMemo)(()=>{let t=[...new Set([...i,...e.currency?[e.currency]:[]])].sort(),n=B.filter(e=>!t.includes(e));return[...t.length?[{group:`In these figures`,items:t}]:[],{group:`All currencies`,items:n}]},[i,e.currency]),p=Object.values(e).some(e=>e!==null);return(0,z.jsxs)(n,{align:`flex-end`,gap:`md`,children:[(0,z.jsxs)(d,{cols:{base:1,sm:2,lg:t?4:3},style:{flex:1},children:[(0,z.jsx)(f,{label:`Currency`,placeholder:`All currencies`,searchable:!0,clearable:!0,data:l,value:e.currency,onChange:e=>s(`currency`,e),error:a.currency}),t&&(0,z.jsx)(V,{value:e.customerId,chosen:r,onChange:e=>s(`customerId`,e)}),(0,z.jsx)(u,{label:`From month`,type:`month`,description:e.fromMonth||e.toMonth?void 0:`Default: the last twelve months`,value:e.fromMonth??``,onChange:e=>s(`fromMonth`,e.currentTarget.value),error:a.fromMonth}),(0,z.jsx)(u,{label:`To month`,type:`month`,value:e.toMonth??``,onChange:e=>s(`toMonth`,e.currentTarget.value),error:a.toMonth})]}),p&&(0,z.jsx)(o,{variant:`subtle`,onClick:c,children:`Clear filters`})]})}function U(e){let t=new Map,n=new Map,r=new Map;for(let i of e){let e=`${i.series}\u0000${i.currency}`,a=t.get(e);a===void 0&&(a={key:`s${t.size}`,label:i.series,currency:i.currency},t.set(e,a));let o=i.month.slice(0,10),s=n.get(o);s===void 0&&(s={month:o,label:R(o)},n.set(o,s),r.set(o,new Map));let c=String(i.amount);s[a.key]=Number(C(c,i.currency)),r.get(o)?.set(a.key,c)}let i=[...n.values()].sort((e,t)=>String(e.month).localeCompare(String(t.month)));return{series:[...t.values()],points:i,minor:r}}var W=(0,E.lazy)(()=>S(()=>import(`./RevenueChart-DH3qU4mW.js`),__vite__mapDeps([0,1,2,3,4])));function G({title:e,drawn:n,kind:r,rows:a,columns:o,rowKey:u,figures:f,empty:h}){let g=(0,E.useMemo)(()=>U(f(a)),[f,a]),_=`${e} figures`;return(0,z.jsx)(i,{withBorder:!0,p:`md`,component:`section`,"aria-label":e,children:(0,z.jsxs)(s,{gap:`sm`,children:[(0,z.jsx)(p,{order:2,size:`h3`,children:e}),a.length===0?(0,z.jsx)(m,{size:`sm`,children:h}):(0,z.jsxs)(d,{cols:{base:1,lg:2},spacing:`lg`,children:[(0,z.jsx)(E.Suspense,{fallback:(0,z.jsx)(c,{h:260,children:(0,z.jsx)(t,{"aria-label":`Loading the ${e} chart`})}),children:(0,z.jsx)(W,{title:`${e} chart`,description:`${n}. The exact figures are in the table “${_}”.`,kind:r,data:g})}),(0,z.jsx)(l.ScrollContainer,{minWidth:420,children:(0,z.jsxs)(l,{striped:!0,"aria-label":_,children:[(0,z.jsx)(l.Thead,{children:(0,z.jsx)(l.Tr,{children:o.map(e=>(0,z.jsx)(l.Th,{scope:`col`,ta:e.numeric?`right`:`left`,children:e.header},e.header))})}),(0,z.jsx)(l.Tbody,{children:a.map(e=>(0,z.jsx)(l.Tr,{children:o.map(t=>(0,z.jsx)(l.Td,{ta:t.numeric?`right`:`left`,children:t.cell(e)},t.header))},u(e)))})]})})]})]})})}var K=new Intl.NumberFormat;function q(){return{header:`Month`,cell:e=>R(e.month)}}function J(){return{header:`Currency`,cell:e=>e.currency}}function Y(e,t){return{header:e,numeric:!0,cell:e=>T(t(e),e.currency)}}var X=e=>t=>t.map(t=>({month:t.month,series:t.currency,currency:t.currency,amount:e(t)})),Z=[q(),J(),Y(`MRR`,e=>e.amountCents)],Q=X(e=>e.amountCents);function te({rows:e}){return(0,z.jsx)(G,{title:`MRR`,drawn:`Monthly recurring revenue by month, a line per currency`,kind:`line`,rows:e,columns:Z,rowKey:e=>`${e.month}/${e.currency}`,figures:Q,empty:`No recurring revenue in these months.`})}var ne=[q(),J(),{header:`Invoices`,numeric:!0,cell:e=>K.format(e.invoicesCount)},Y(`Invoiced`,e=>e.invoicedAmountCents),Y(`Refunded`,e=>e.refundedAmountCents),Y(`Gross revenue`,e=>e.amountCents)],re=X(e=>e.amountCents);function ie({rows:e}){return(0,z.jsx)(G,{title:`Gross revenue`,drawn:`Gross revenue (finalized invoices less refunds) by month, a bar per currency`,kind:`bar`,rows:e,columns:ne,rowKey:e=>`${e.month}/${e.currency}`,figures:re,empty:`No finalized invoice in these months.`})}var ae=[q(),J(),{header:`Metric`,cell:e=>e.billableMetricName},{header:`Units`,numeric:!0,cell:e=>w(e.units)},Y(`Amount`,e=>e.amountCents)];function oe(e){return e.map(e=>({month:e.month,series:e.billableMetricName,currency:e.currency,amount:e.amountCents}))}function $({rows:e}){return(0,z.jsx)(G,{title:`Invoiced usage`,drawn:`Usage fees of finalized invoices by month, stacked by billable metric, one stack per currency`,kind:`stacked`,rows:e,columns:ae,rowKey:e=>`${e.month}/${e.currency}/${e.billableMetricCode}`,figures:oe,empty:`No usage invoiced in these months.`})}var se=[q(),J(),{header:`Invoices`,numeric:!0,cell:e=>K.format(e.invoicesCount)},Y(`Outstanding`,e=>e.amountCents),{header:`Overdue invoices`,numeric:!0,cell:e=>K.format(e.overdueInvoicesCount)},Y(`Overdue`,e=>e.overdueAmountCents)];function ce(e){return e.flatMap(e=>[{month:e.month,series:`Outstanding`,currency:e.currency,amount:e.amountCents},{month:e.month,series:`Overdue`,currency:e.currency,amount:e.overdueAmountCents}])}function le({rows:e}){return(0,z.jsx)(G,{title:`Outstanding invoices`,drawn:`Unpaid finalized invoices by month of issue, with the part past its due date, per currency`,kind:`bar`,rows:e,columns:se,rowKey:e=>`${e.month}/${e.currency}`,figures:ce,empty:`No unpaid invoice issued in these months.`})}function ue(){let{permissions:e}=x(),n=A(e),[r,i]=_(),o=F(r,n),l=(0,E.useMemo)(()=>I(o),[o.currency,o.customerId,o.fromMonth,o.toMonth]),[{data:u,fetching:d,error:f}]=v({query:D,variables:l}),h=ee(f),g=Object.keys(h).length>0,b=(0,E.useCallback)((e,t)=>{let n=new URLSearchParams(r);t===null||t===``?n.delete(N[e]):n.set(N[e],t),i(n)},[r,i]),S=(0,E.useMemo)(()=>{let e=new Set;for(let t of[u?.mrrs,u?.grossRevenues,u?.invoicedUsages,u?.outstandingInvoices])for(let n of t??[])e.add(n.currency);return[...e]},[u]),C=u?.customer??null,w=u?.mrrs&&u.grossRevenues&&u.invoicedUsages&&u.outstandingInvoices?u:null;return(0,z.jsxs)(s,{gap:`lg`,children:[(0,z.jsx)(p,{order:1,children:`Revenue`}),(0,z.jsx)(H,{filters:o,withCustomer:n,chosenCustomer:C,seenCurrencies:S,errors:h,onChange:b,onClear:()=>i(new URLSearchParams)}),C&&(0,z.jsxs)(m,{size:`sm`,children:[`Figures of `,C.name,` (`,C.externalId,`) only.`]}),f&&!g&&!w&&(0,z.jsx)(a,{color:`red`,title:`The figures could not be loaded`,role:`alert`,children:y(f)}),!w&&d&&(0,z.jsx)(c,{p:`xl`,children:(0,z.jsx)(t,{"aria-label":`Loading revenue`})}),w&&(0,z.jsxs)(z.Fragment,{children:[(0,z.jsx)(te,{rows:w.mrrs??[]}),(0,z.jsx)(ie,{rows:w.grossRevenues??[]}),(0,z.jsx)($,{rows:w.invoicedUsages??[]}),(0,z.jsx)(le,{rows:w.outstandingInvoices??[]})]})]})}export{ue as default};