import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{A as t,H as n,P as r,R as i,S as a,U as o,d as s,f as c,j as l,k as u,o as d,s as f,u as p,v as m,z as h}from"./mantine-DD3iPAi4.js";import{g,p as _}from"./react-DEpeCm3W.js";import{H as v,U as y}from"./graphql-DzSSvvds.js";import{i as b,n as x,r as S,t as C}from"./format-B5t8BnP_.js";import{i as w,o as T}from"./index-eSf1J9Z8.js";import{i as E,r as D,t as O}from"./money-CDJBJhyX.js";import{a as k,i as A,n as j,r as ee}from"./actions-DKzM1Qz4.js";var M=e(g(),1),N=T(`
  query CustomerWallets($id: ID!) {
    customer(id: $id) {
      id
      currency
      wallets {
        id
        name
        currency
        rateAmount
        status
        creditsBalance
        balanceCents
        consumedCredits
        consumedAmountCents
        expirationAt
        terminatedAt
        createdAt
      }
    }
  }
`),P=T(`
  query WalletTransactions($walletId: ID!, $limit: Int) {
    walletTransactions(walletId: $walletId, limit: $limit) {
      collection {
        id
        transactionType
        status
        source
        creditAmount
        amountCents
        settledAt
        createdAt
      }
      metadata {
        totalCount
      }
    }
  }
`),F=T(`
  mutation CreateCustomerWallet($input: CreateCustomerWalletInput!) {
    createCustomerWallet(input: $input) {
      id
      status
    }
  }
`),I=T(`
  mutation CreateCustomerWalletTransaction($input: CreateCustomerWalletTransactionInput!) {
    createCustomerWalletTransaction(input: $input) {
      id
      creditsBalance
      balanceCents
    }
  }
`),L=T(`
  mutation TerminateCustomerWallet($id: ID!) {
    terminateCustomerWallet(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);function R(e,t){let n=O(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:20}).format(e)}function z(e){let t=e.trim().replace(`,`,`.`);return t===``?null:t}function B(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)?`${e}T00:00:00Z`:null}var V=_(),H=[`name`,`currency`,`rateAmount`,`paidCredits`,`grantedCredits`,`expirationAt`];function U({opened:e,customer:t,currency:n,onClose:r,onCreated:i}){return(0,V.jsx)(a,{opened:e,onClose:r,title:`Create a wallet for ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,V.jsx)(W,{customer:t,currency:n,onClose:r,onCreated:i})})}function W({customer:e,currency:t,onClose:r,onCreated:i}){let[a,o]=v(F),[c,u]=(0,M.useState)(``),[d,p]=(0,M.useState)(t??``),[m,g]=(0,M.useState)(`1`),[_,y]=(0,M.useState)(``),[x,S]=(0,M.useState)(``),[w,T]=(0,M.useState)(``),[E,D]=(0,M.useState)({}),[O,k]=(0,M.useState)(null);function A(t){t.preventDefault(),k(null);let n={},r={customerId:e.id,currency:d.trim().toUpperCase(),rateAmount:z(m)??``};c.trim()!==``&&(r.name=c.trim());let a=z(_);a!==null&&(r.paidCredits=a);let s=z(x);if(s!==null&&(r.grantedCredits=s),w!==``){let e=B(w);e===null?n.expirationAt=`Enter a date`:r.expirationAt=e}D(n),Object.keys(n).length>0||o({input:r}).then(e=>{if(!e.error){i(r.name??`The wallet`);return}let t=b(e.error);D(t),Object.keys(t).some(e=>H.includes(e))||k(C(e.error))})}return(0,V.jsx)(`form`,{onSubmit:A,noValidate:!0,children:(0,V.jsxs)(s,{children:[O!==null&&(0,V.jsx)(h,{color:`red`,role:`alert`,title:`The wallet was not created`,children:O}),(0,V.jsx)(f,{label:`Name`,description:`Optional, as shown on invoices`,value:c,error:E.name,onChange:e=>u(e.currentTarget.value)}),(0,V.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,V.jsx)(f,{label:`Currency`,description:t?`The customer is billed in ${t}`:`ISO code, such as EUR`,withAsterisk:!0,maxLength:3,value:d,error:E.currency,onChange:e=>p(e.currentTarget.value)}),(0,V.jsx)(f,{label:`Rate`,description:`What one credit is worth in the currency, such as 1 or 0.5`,withAsterisk:!0,inputMode:`decimal`,value:m,error:E.rateAmount,onChange:e=>g(e.currentTarget.value)})]}),(0,V.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,V.jsx)(f,{label:`Paid credits`,description:`Bought: invoiced now, available once paid`,inputMode:`decimal`,value:_,error:E.paidCredits,onChange:e=>y(e.currentTarget.value)}),(0,V.jsx)(f,{label:`Granted credits`,description:`Free: available at once`,inputMode:`decimal`,value:x,error:E.grantedCredits,onChange:e=>S(e.currentTarget.value)})]}),(0,V.jsx)(f,{label:`Expiry date`,description:`Optional; the wallet expires at the start of this day (UTC)`,type:`date`,value:w,error:E.expirationAt,onChange:e=>T(e.currentTarget.value)}),(0,V.jsxs)(n,{justify:`flex-end`,children:[(0,V.jsx)(l,{variant:`default`,onClick:r,children:`Cancel`}),(0,V.jsx)(l,{type:`submit`,loading:a.fetching,children:`Create wallet`})]})]})})}var G={ACTIVE:`Active`,TERMINATED:`Terminated`},te={ACTIVE:`teal.9`,TERMINATED:`gray.7`},K={INBOUND:`Inbound`,OUTBOUND:`Outbound`},q={PURCHASED:`Purchased (paid)`,GRANTED:`Granted (free)`,INVOICED:`Used on an invoice`,VOIDED:`Voided`},J={PENDING:`Pending`,SETTLED:`Settled`,FAILED:`Failed`},Y={paid:`Top up`,granted:`Grant credits to`},X={paid:`paidCredits`,granted:`grantedCredits`};function ne({target:e,onClose:t,onDone:n}){return(0,V.jsx)(a,{opened:e!==null,onClose:t,title:e?`${Y[e.kind]} ${e.walletName}`:`Credits`,closeButtonProps:{"aria-label":`Close`},children:e!==null&&(0,V.jsx)(Z,{target:e,onClose:t,onDone:n},`${e.kind}-${e.walletId}`)})}function Z({target:e,onClose:t,onDone:r}){let[a,o]=v(I),[c,u]=(0,M.useState)(``),[d,p]=(0,M.useState)({}),[m,g]=(0,M.useState)(null),_=X[e.kind];function y(t){t.preventDefault(),g(null);let n=z(c);if(n===null){p({[_]:`Enter a number of credits`});return}p({});let i={walletId:e.walletId,[_]:n};o({input:i}).then(t=>{if(!t.error){r(e,n);return}let i=b(t.error),a=i[_]??i.paidCredits??i.grantedCredits;a===void 0?g(C(t.error)):p({[_]:a})})}return(0,V.jsx)(`form`,{onSubmit:y,noValidate:!0,children:(0,V.jsxs)(s,{children:[(0,V.jsxs)(i,{size:`sm`,children:[e.kind===`paid`?`Paid credits are invoiced now (a credit purchase invoice) and available once the invoice is paid.`:`Granted credits are free and available at once.`,` `,`One credit is worth `,R(e.rateAmount,e.currency),`.`]}),m!==null&&(0,V.jsx)(h,{color:`red`,role:`alert`,title:`No credits were added`,children:m}),(0,V.jsx)(f,{label:e.kind===`paid`?`Paid credits`:`Granted credits`,withAsterisk:!0,inputMode:`decimal`,value:c,error:d[_],onChange:e=>u(e.currentTarget.value)}),(0,V.jsxs)(n,{justify:`flex-end`,children:[(0,V.jsx)(l,{variant:`default`,onClick:t,children:`Cancel`}),(0,V.jsx)(l,{type:`submit`,loading:a.fetching,children:e.kind===`paid`?`Top up wallet`:`Grant credits`})]})]})})}var re=50;function ie({walletId:e,walletName:t,currency:n}){let r=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`,`WalletTransaction`]}),[]),[{data:a,fetching:s,error:c}]=y({query:P,variables:{walletId:e,limit:re},context:r});if(s&&!a)return(0,V.jsx)(o,{size:`sm`,"aria-label":`Loading the transactions of ${t}`});let l=a?.walletTransactions;return l?l.collection.length===0?(0,V.jsx)(i,{size:`sm`,children:`No transaction yet.`}):(0,V.jsxs)(V.Fragment,{children:[(0,V.jsx)(p.ScrollContainer,{minWidth:640,children:(0,V.jsxs)(p,{striped:!0,"aria-label":`Transactions of ${t}`,children:[(0,V.jsx)(p.Thead,{children:(0,V.jsxs)(p.Tr,{children:[(0,V.jsx)(p.Th,{scope:`col`,children:`Date`}),(0,V.jsx)(p.Th,{scope:`col`,children:`Direction`}),(0,V.jsx)(p.Th,{scope:`col`,children:`Source`}),(0,V.jsx)(p.Th,{scope:`col`,children:`Credits`}),(0,V.jsx)(p.Th,{scope:`col`,children:`Amount`}),(0,V.jsx)(p.Th,{scope:`col`,children:`Status`})]})}),(0,V.jsx)(p.Tbody,{children:l.collection.map(e=>(0,V.jsxs)(p.Tr,{children:[(0,V.jsx)(p.Td,{children:S(e.createdAt)}),(0,V.jsx)(p.Td,{children:K[e.transactionType]}),(0,V.jsx)(p.Td,{children:q[e.source]}),(0,V.jsx)(p.Td,{children:D(e.creditAmount)}),(0,V.jsx)(p.Td,{children:E(e.amountCents,n)}),(0,V.jsxs)(p.Td,{children:[J[e.status],e.settledAt?`, ${S(e.settledAt)}`:``]})]},e.id))})]})}),l.metadata.totalCount>l.collection.length&&(0,V.jsxs)(i,{size:`sm`,c:`dimmed`,children:[`The `,l.collection.length,` latest of `,l.metadata.totalCount,` transactions.`]})]}):(0,V.jsx)(h,{color:`red`,role:`alert`,title:`The transactions could not be loaded`,children:c?C(c):`Try again.`})}function Q({label:e,children:t}){return(0,V.jsxs)(`div`,{children:[(0,V.jsx)(i,{size:`xs`,c:`dimmed`,children:e}),(0,V.jsx)(i,{fw:500,children:t})]})}var $=e=>e.name??`Unnamed wallet`;function ae({customer:e}){let{permissions:f}=w(),p=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`]}),[]),[{data:g,fetching:_,error:b},T]=y({query:N,variables:{id:e.id},context:p}),[O,P]=v(L),[F,I]=(0,M.useState)(!1),[z,B]=(0,M.useState)(null),[H,W]=(0,M.useState)(null),[K,q]=(0,M.useState)(null);if(_&&!g)return(0,V.jsx)(u,{p:`xl`,children:(0,V.jsx)(o,{"aria-label":`Loading the wallets`})});let J=g?.customer?.wallets;if(!J)return(0,V.jsx)(h,{color:`red`,role:`alert`,title:`The wallets could not be loaded`,children:b?C(b):`There is no such customer.`});let Y=()=>T({requestPolicy:`network-only`}),X=(e,t)=>{q(null),B({kind:t,walletId:e.id,walletName:$(e),rateAmount:e.rateAmount,currency:e.currency})};function Z(e){P({id:e.id}).then(t=>{Y(),t.error||(W(null),q(`${$(e)} is terminated.`))})}return(0,V.jsxs)(s,{gap:`md`,children:[(0,V.jsxs)(n,{justify:`space-between`,children:[(0,V.jsx)(d,{order:2,size:`h3`,children:`Wallets`}),j(J,f)&&(0,V.jsx)(l,{onClick:()=>{q(null),I(!0)},children:`Create a wallet`})]}),K!==null&&(0,V.jsx)(m,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>q(null),closeButtonProps:{"aria-label":`Dismiss`},children:K}),J.length===0&&(0,V.jsx)(i,{children:`This customer has no wallet.`}),J.map(e=>{let i=$(e),a=t=>E(t,e.currency),o=k(e,f),u=ee(e,f),p=A(e,f);return(0,V.jsx)(t,{withBorder:!0,component:`section`,"aria-label":`Wallet ${i}`,children:(0,V.jsxs)(s,{gap:`sm`,children:[(0,V.jsxs)(n,{justify:`space-between`,align:`flex-start`,children:[(0,V.jsxs)(n,{gap:`sm`,children:[(0,V.jsx)(d,{order:3,size:`h4`,children:i}),(0,V.jsx)(r,{color:te[e.status],variant:`filled`,children:G[e.status]})]}),(o||u||p)&&(0,V.jsxs)(n,{gap:`xs`,role:`group`,"aria-label":`Actions on ${i}`,children:[o&&(0,V.jsx)(l,{size:`xs`,onClick:()=>X(e,`paid`),children:`Top up`}),u&&(0,V.jsx)(l,{size:`xs`,variant:`outline`,onClick:()=>X(e,`granted`),children:`Grant credits`}),p&&(0,V.jsx)(l,{size:`xs`,color:`red.9`,variant:`outline`,onClick:()=>{q(null),W(e)},children:`Terminate`})]})]}),(0,V.jsxs)(c,{cols:{base:2,md:4},children:[(0,V.jsx)(Q,{label:`Balance (credits)`,children:D(e.creditsBalance)}),(0,V.jsx)(Q,{label:`Balance (amount)`,children:a(e.balanceCents)}),(0,V.jsx)(Q,{label:`Rate (one credit)`,children:R(e.rateAmount,e.currency)}),(0,V.jsxs)(Q,{label:`Consumed`,children:[D(e.consumedCredits),` credits, `,a(e.consumedAmountCents)]}),(0,V.jsx)(Q,{label:`Created`,children:S(e.createdAt)}),(0,V.jsx)(Q,{label:`Expires`,children:e.expirationAt?x(e.expirationAt):`Never`}),e.terminatedAt&&(0,V.jsx)(Q,{label:`Terminated`,children:S(e.terminatedAt)})]}),(0,V.jsx)(d,{order:4,size:`h5`,children:`Transactions`}),(0,V.jsx)(ie,{walletId:e.id,walletName:i,currency:e.currency})]})},e.id)}),(0,V.jsx)(U,{opened:F,customer:e,currency:g.customer?.currency??e.currency,onClose:()=>I(!1),onCreated:t=>{I(!1),q(`${t} was created for ${e.name}.`),Y()}}),(0,V.jsx)(ne,{target:z,onClose:()=>B(null),onDone:(e,t)=>{B(null),q(e.kind===`paid`?`${t} paid credits were invoiced for ${e.walletName}; they land once paid.`:`${t} credits were granted to ${e.walletName}.`),Y()}}),(0,V.jsx)(a,{opened:H!==null,onClose:()=>W(null),title:H?`Terminate ${$(H)}`:`Terminate the wallet`,closeButtonProps:{"aria-label":`Close`},children:H!==null&&(0,V.jsxs)(s,{children:[(0,V.jsxs)(i,{children:[`No more top-ups or consumption: the `,D(H.creditsBalance),` credits left stay visible but are no longer spent.`]}),O.error&&(0,V.jsx)(h,{color:`red`,role:`alert`,title:`The wallet was not terminated`,children:C(O.error)}),(0,V.jsxs)(n,{justify:`flex-end`,children:[(0,V.jsx)(l,{variant:`default`,onClick:()=>W(null),children:`Cancel`}),(0,V.jsx)(l,{color:`red.9`,loading:O.fetching,onClick:()=>Z(H),children:`Terminate wallet`})]})]})})]})}export{ae as default};