import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{M as t,O as n,a as r,b as i,i as a,j as o,k as s,m as c,n as l,o as u,t as d,u as f,w as p,x as m,y as h}from"./mantine-BquRX2JQ.js";import{d as g,m as _}from"./react-NbSbU0Yf.js";import{i as v,r as y}from"./graphql-crtUrLD5.js";import{i as b,n as x,r as S,t as C}from"./format-B5t8BnP_.js";import{o as w,r as T}from"./index-D0yNGize.js";import{i as E,r as D,t as O}from"./money-CDJBJhyX.js";import{a as k,i as A,n as ee,r as j}from"./actions-DKzM1Qz4.js";var M=e(_(),1),N=w(`
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
`),P=w(`
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
`),F=w(`
  mutation CreateCustomerWallet($input: CreateCustomerWalletInput!) {
    createCustomerWallet(input: $input) {
      id
      status
    }
  }
`),I=w(`
  mutation CreateCustomerWalletTransaction($input: CreateCustomerWalletTransactionInput!) {
    createCustomerWalletTransaction(input: $input) {
      id
      creditsBalance
      balanceCents
    }
  }
`),L=w(`
  mutation TerminateCustomerWallet($id: ID!) {
    terminateCustomerWallet(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);function R(e,t){let n=O(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:20}).format(e)}function z(e){let t=e.trim().replace(`,`,`.`);return t===``?null:t}function B(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)?`${e}T00:00:00Z`:null}var V=g(),H=[`name`,`currency`,`rateAmount`,`paidCredits`,`grantedCredits`,`expirationAt`];function U({opened:e,customer:t,currency:n,onClose:r,onCreated:i}){return(0,V.jsx)(c,{opened:e,onClose:r,title:`Create a wallet for ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,V.jsx)(W,{customer:t,currency:n,onClose:r,onCreated:i})})}function W({customer:e,currency:t,onClose:n,onCreated:i}){let[a,c]=y(F),[u,d]=(0,M.useState)(``),[f,p]=(0,M.useState)(t??``),[h,g]=(0,M.useState)(`1`),[_,v]=(0,M.useState)(``),[x,S]=(0,M.useState)(``),[w,T]=(0,M.useState)(``),[E,D]=(0,M.useState)({}),[O,k]=(0,M.useState)(null);function A(t){t.preventDefault(),k(null);let n={},r={customerId:e.id,currency:f.trim().toUpperCase(),rateAmount:z(h)??``};u.trim()!==``&&(r.name=u.trim());let a=z(_);a!==null&&(r.paidCredits=a);let o=z(x);if(o!==null&&(r.grantedCredits=o),w!==``){let e=B(w);e===null?n.expirationAt=`Enter a date`:r.expirationAt=e}D(n),Object.keys(n).length>0||c({input:r}).then(e=>{if(!e.error){i(r.name??`The wallet`);return}let t=b(e.error);D(t),Object.keys(t).some(e=>H.includes(e))||k(C(e.error))})}return(0,V.jsx)(`form`,{onSubmit:A,noValidate:!0,children:(0,V.jsxs)(r,{children:[O!==null&&(0,V.jsx)(s,{color:`red`,role:`alert`,title:`The wallet was not created`,children:O}),(0,V.jsx)(l,{label:`Name`,description:`Optional, as shown on invoices`,value:u,error:E.name,onChange:e=>d(e.currentTarget.value)}),(0,V.jsxs)(o,{grow:!0,align:`flex-start`,children:[(0,V.jsx)(l,{label:`Currency`,description:t?`The customer is billed in ${t}`:`ISO code, such as EUR`,withAsterisk:!0,maxLength:3,value:f,error:E.currency,onChange:e=>p(e.currentTarget.value)}),(0,V.jsx)(l,{label:`Rate`,description:`What one credit is worth in the currency, such as 1 or 0.5`,withAsterisk:!0,inputMode:`decimal`,value:h,error:E.rateAmount,onChange:e=>g(e.currentTarget.value)})]}),(0,V.jsxs)(o,{grow:!0,align:`flex-start`,children:[(0,V.jsx)(l,{label:`Paid credits`,description:`Bought: invoiced now, available once paid`,inputMode:`decimal`,value:_,error:E.paidCredits,onChange:e=>v(e.currentTarget.value)}),(0,V.jsx)(l,{label:`Granted credits`,description:`Free: available at once`,inputMode:`decimal`,value:x,error:E.grantedCredits,onChange:e=>S(e.currentTarget.value)})]}),(0,V.jsx)(l,{label:`Expiry date`,description:`Optional; the wallet expires at the start of this day (UTC)`,type:`date`,value:w,error:E.expirationAt,onChange:e=>T(e.currentTarget.value)}),(0,V.jsxs)(o,{justify:`flex-end`,children:[(0,V.jsx)(m,{variant:`default`,onClick:n,children:`Cancel`}),(0,V.jsx)(m,{type:`submit`,loading:a.fetching,children:`Create wallet`})]})]})})}var G={ACTIVE:`Active`,TERMINATED:`Terminated`},te={ACTIVE:`teal.9`,TERMINATED:`gray.7`},K={INBOUND:`Inbound`,OUTBOUND:`Outbound`},q={PURCHASED:`Purchased (paid)`,GRANTED:`Granted (free)`,INVOICED:`Used on an invoice`,VOIDED:`Voided`},J={PENDING:`Pending`,SETTLED:`Settled`,FAILED:`Failed`},Y={paid:`Top up`,granted:`Grant credits to`},X={paid:`paidCredits`,granted:`grantedCredits`};function ne({target:e,onClose:t,onDone:n}){return(0,V.jsx)(c,{opened:e!==null,onClose:t,title:e?`${Y[e.kind]} ${e.walletName}`:`Credits`,closeButtonProps:{"aria-label":`Close`},children:e!==null&&(0,V.jsx)(Z,{target:e,onClose:t,onDone:n},`${e.kind}-${e.walletId}`)})}function Z({target:e,onClose:t,onDone:i}){let[a,c]=y(I),[u,d]=(0,M.useState)(``),[f,p]=(0,M.useState)({}),[h,g]=(0,M.useState)(null),_=X[e.kind];function v(t){t.preventDefault(),g(null);let n=z(u);if(n===null){p({[_]:`Enter a number of credits`});return}p({});let r={walletId:e.walletId,[_]:n};c({input:r}).then(t=>{if(!t.error){i(e,n);return}let r=b(t.error),a=r[_]??r.paidCredits??r.grantedCredits;a===void 0?g(C(t.error)):p({[_]:a})})}return(0,V.jsx)(`form`,{onSubmit:v,noValidate:!0,children:(0,V.jsxs)(r,{children:[(0,V.jsxs)(n,{size:`sm`,children:[e.kind===`paid`?`Paid credits are invoiced now (a credit purchase invoice) and available once the invoice is paid.`:`Granted credits are free and available at once.`,` `,`One credit is worth `,R(e.rateAmount,e.currency),`.`]}),h!==null&&(0,V.jsx)(s,{color:`red`,role:`alert`,title:`No credits were added`,children:h}),(0,V.jsx)(l,{label:e.kind===`paid`?`Paid credits`:`Granted credits`,withAsterisk:!0,inputMode:`decimal`,value:u,error:f[_],onChange:e=>d(e.currentTarget.value)}),(0,V.jsxs)(o,{justify:`flex-end`,children:[(0,V.jsx)(m,{variant:`default`,onClick:t,children:`Cancel`}),(0,V.jsx)(m,{type:`submit`,loading:a.fetching,children:e.kind===`paid`?`Top up wallet`:`Grant credits`})]})]})})}var re=50;function ie({walletId:e,walletName:r,currency:i}){let o=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`,`WalletTransaction`]}),[]),[{data:c,fetching:l,error:u}]=v({query:P,variables:{walletId:e,limit:re},context:o});if(l&&!c)return(0,V.jsx)(t,{size:`sm`,"aria-label":`Loading the transactions of ${r}`});let d=c?.walletTransactions;return d?d.collection.length===0?(0,V.jsx)(n,{size:`sm`,children:`No transaction yet.`}):(0,V.jsxs)(V.Fragment,{children:[(0,V.jsx)(a.ScrollContainer,{minWidth:640,children:(0,V.jsxs)(a,{striped:!0,"aria-label":`Transactions of ${r}`,children:[(0,V.jsx)(a.Thead,{children:(0,V.jsxs)(a.Tr,{children:[(0,V.jsx)(a.Th,{scope:`col`,children:`Date`}),(0,V.jsx)(a.Th,{scope:`col`,children:`Direction`}),(0,V.jsx)(a.Th,{scope:`col`,children:`Source`}),(0,V.jsx)(a.Th,{scope:`col`,children:`Credits`}),(0,V.jsx)(a.Th,{scope:`col`,children:`Amount`}),(0,V.jsx)(a.Th,{scope:`col`,children:`Status`})]})}),(0,V.jsx)(a.Tbody,{children:d.collection.map(e=>(0,V.jsxs)(a.Tr,{children:[(0,V.jsx)(a.Td,{children:S(e.createdAt)}),(0,V.jsx)(a.Td,{children:K[e.transactionType]}),(0,V.jsx)(a.Td,{children:q[e.source]}),(0,V.jsx)(a.Td,{children:D(e.creditAmount)}),(0,V.jsx)(a.Td,{children:E(e.amountCents,i)}),(0,V.jsxs)(a.Td,{children:[J[e.status],e.settledAt?`, ${S(e.settledAt)}`:``]})]},e.id))})]})}),d.metadata.totalCount>d.collection.length&&(0,V.jsxs)(n,{size:`sm`,c:`dimmed`,children:[`The `,d.collection.length,` latest of `,d.metadata.totalCount,` transactions.`]})]}):(0,V.jsx)(s,{color:`red`,role:`alert`,title:`The transactions could not be loaded`,children:u?C(u):`Try again.`})}function Q({label:e,children:t}){return(0,V.jsxs)(`div`,{children:[(0,V.jsx)(n,{size:`xs`,c:`dimmed`,children:e}),(0,V.jsx)(n,{fw:500,children:t})]})}var $=e=>e.name??`Unnamed wallet`;function ae({customer:e}){let{permissions:a}=T(),l=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`]}),[]),[{data:g,fetching:_,error:b},w]=v({query:N,variables:{id:e.id},context:l}),[O,P]=y(L),[F,I]=(0,M.useState)(!1),[z,B]=(0,M.useState)(null),[H,W]=(0,M.useState)(null),[K,q]=(0,M.useState)(null);if(_&&!g)return(0,V.jsx)(h,{p:`xl`,children:(0,V.jsx)(t,{"aria-label":`Loading the wallets`})});let J=g?.customer?.wallets;if(!J)return(0,V.jsx)(s,{color:`red`,role:`alert`,title:`The wallets could not be loaded`,children:b?C(b):`There is no such customer.`});let Y=()=>w({requestPolicy:`network-only`}),X=(e,t)=>{q(null),B({kind:t,walletId:e.id,walletName:$(e),rateAmount:e.rateAmount,currency:e.currency})};function Z(e){P({id:e.id}).then(t=>{Y(),t.error||(W(null),q(`${$(e)} is terminated.`))})}return(0,V.jsxs)(r,{gap:`md`,children:[(0,V.jsxs)(o,{justify:`space-between`,children:[(0,V.jsx)(d,{order:2,size:`h3`,children:`Wallets`}),ee(J,a)&&(0,V.jsx)(m,{onClick:()=>{q(null),I(!0)},children:`Create a wallet`})]}),K!==null&&(0,V.jsx)(f,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>q(null),closeButtonProps:{"aria-label":`Dismiss`},children:K}),J.length===0&&(0,V.jsx)(n,{children:`This customer has no wallet.`}),J.map(e=>{let t=$(e),n=t=>E(t,e.currency),s=k(e,a),c=j(e,a),l=A(e,a);return(0,V.jsx)(i,{withBorder:!0,component:`section`,"aria-label":`Wallet ${t}`,children:(0,V.jsxs)(r,{gap:`sm`,children:[(0,V.jsxs)(o,{justify:`space-between`,align:`flex-start`,children:[(0,V.jsxs)(o,{gap:`sm`,children:[(0,V.jsx)(d,{order:3,size:`h4`,children:t}),(0,V.jsx)(p,{color:te[e.status],variant:`filled`,children:G[e.status]})]}),(s||c||l)&&(0,V.jsxs)(o,{gap:`xs`,role:`group`,"aria-label":`Actions on ${t}`,children:[s&&(0,V.jsx)(m,{size:`xs`,onClick:()=>X(e,`paid`),children:`Top up`}),c&&(0,V.jsx)(m,{size:`xs`,variant:`outline`,onClick:()=>X(e,`granted`),children:`Grant credits`}),l&&(0,V.jsx)(m,{size:`xs`,color:`red.9`,variant:`outline`,onClick:()=>{q(null),W(e)},children:`Terminate`})]})]}),(0,V.jsxs)(u,{cols:{base:2,md:4},children:[(0,V.jsx)(Q,{label:`Balance (credits)`,children:D(e.creditsBalance)}),(0,V.jsx)(Q,{label:`Balance (amount)`,children:n(e.balanceCents)}),(0,V.jsx)(Q,{label:`Rate (one credit)`,children:R(e.rateAmount,e.currency)}),(0,V.jsxs)(Q,{label:`Consumed`,children:[D(e.consumedCredits),` credits, `,n(e.consumedAmountCents)]}),(0,V.jsx)(Q,{label:`Created`,children:S(e.createdAt)}),(0,V.jsx)(Q,{label:`Expires`,children:e.expirationAt?x(e.expirationAt):`Never`}),e.terminatedAt&&(0,V.jsx)(Q,{label:`Terminated`,children:S(e.terminatedAt)})]}),(0,V.jsx)(d,{order:4,size:`h5`,children:`Transactions`}),(0,V.jsx)(ie,{walletId:e.id,walletName:t,currency:e.currency})]})},e.id)}),(0,V.jsx)(U,{opened:F,customer:e,currency:g.customer?.currency??e.currency,onClose:()=>I(!1),onCreated:t=>{I(!1),q(`${t} was created for ${e.name}.`),Y()}}),(0,V.jsx)(ne,{target:z,onClose:()=>B(null),onDone:(e,t)=>{B(null),q(e.kind===`paid`?`${t} paid credits were invoiced for ${e.walletName}; they land once paid.`:`${t} credits were granted to ${e.walletName}.`),Y()}}),(0,V.jsx)(c,{opened:H!==null,onClose:()=>W(null),title:H?`Terminate ${$(H)}`:`Terminate the wallet`,closeButtonProps:{"aria-label":`Close`},children:H!==null&&(0,V.jsxs)(r,{children:[(0,V.jsxs)(n,{children:[`No more top-ups or consumption: the `,D(H.creditsBalance),` credits left stay visible but are no longer spent.`]}),O.error&&(0,V.jsx)(s,{color:`red`,role:`alert`,title:`The wallet was not terminated`,children:C(O.error)}),(0,V.jsxs)(o,{justify:`flex-end`,children:[(0,V.jsx)(m,{variant:`default`,onClick:()=>W(null),children:`Cancel`}),(0,V.jsx)(m,{color:`red.9`,loading:O.fetching,onClick:()=>Z(H),children:`Terminate wallet`})]})]})})]})}export{ae as default};