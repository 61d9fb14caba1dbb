import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{E as t,I as n,L as r,N as i,P as a,T as o,_ as s,a as c,k as l,n as u,o as d,p as f,s as p,t as m,w as h}from"./mantine-CZXpRZcI.js";import{d as g,m as _}from"./react-NbSbU0Yf.js";import{i as v,r as y}from"./graphql-crtUrLD5.js";import{i as b,n as x,r as S,t as C}from"./format-B5t8BnP_.js";import{c as w,i as T}from"./index-BRDqB1-b.js";import{i as E,r as D,t as O}from"./money-CDJBJhyX.js";import{a as k,i as A,n as j,r as M}from"./actions-DKzM1Qz4.js";var N=e(_(),1),P=w(`
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
`),F=w(`
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
`),I=w(`
  mutation CreateCustomerWallet($input: CreateCustomerWalletInput!) {
    createCustomerWallet(input: $input) {
      id
      status
    }
  }
`),L=w(`
  mutation CreateCustomerWalletTransaction($input: CreateCustomerWalletTransactionInput!) {
    createCustomerWalletTransaction(input: $input) {
      id
      creditsBalance
      balanceCents
    }
  }
`),R=w(`
  mutation TerminateCustomerWallet($id: ID!) {
    terminateCustomerWallet(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);function z(e,t){let n=O(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:20}).format(e)}function B(e){let t=e.trim().replace(`,`,`.`);return t===``?null:t}function V(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)?`${e}T00:00:00Z`:null}var H=g(),U=[`name`,`currency`,`rateAmount`,`paidCredits`,`grantedCredits`,`expirationAt`];function W({opened:e,customer:t,currency:n,onClose:r,onCreated:i}){return(0,H.jsx)(s,{opened:e,onClose:r,title:`Create a wallet for ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,H.jsx)(G,{customer:t,currency:n,onClose:r,onCreated:i})})}function G({customer:e,currency:r,onClose:i,onCreated:o}){let[s,c]=y(I),[l,f]=(0,N.useState)(``),[p,m]=(0,N.useState)(r??``),[h,g]=(0,N.useState)(`1`),[_,v]=(0,N.useState)(``),[x,S]=(0,N.useState)(``),[w,T]=(0,N.useState)(``),[E,D]=(0,N.useState)({}),[O,k]=(0,N.useState)(null);function A(t){t.preventDefault(),k(null);let n={},r={customerId:e.id,currency:p.trim().toUpperCase(),rateAmount:B(h)??``};l.trim()!==``&&(r.name=l.trim());let i=B(_);i!==null&&(r.paidCredits=i);let a=B(x);if(a!==null&&(r.grantedCredits=a),w!==``){let e=V(w);e===null?n.expirationAt=`Enter a date`:r.expirationAt=e}D(n),Object.keys(n).length>0||c({input:r}).then(e=>{if(!e.error){o(r.name??`The wallet`);return}let t=b(e.error);D(t),Object.keys(t).some(e=>U.includes(e))||k(C(e.error))})}return(0,H.jsx)(`form`,{onSubmit:A,noValidate:!0,children:(0,H.jsxs)(d,{children:[O!==null&&(0,H.jsx)(a,{color:`red`,role:`alert`,title:`The wallet was not created`,children:O}),(0,H.jsx)(u,{label:`Name`,description:`Optional, as shown on invoices`,value:l,error:E.name,onChange:e=>f(e.currentTarget.value)}),(0,H.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,H.jsx)(u,{label:`Currency`,description:r?`The customer is billed in ${r}`:`ISO code, such as EUR`,withAsterisk:!0,maxLength:3,value:p,error:E.currency,onChange:e=>m(e.currentTarget.value)}),(0,H.jsx)(u,{label:`Rate`,description:`What one credit is worth in the currency, such as 1 or 0.5`,withAsterisk:!0,inputMode:`decimal`,value:h,error:E.rateAmount,onChange:e=>g(e.currentTarget.value)})]}),(0,H.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,H.jsx)(u,{label:`Paid credits`,description:`Bought: invoiced now, available once paid`,inputMode:`decimal`,value:_,error:E.paidCredits,onChange:e=>v(e.currentTarget.value)}),(0,H.jsx)(u,{label:`Granted credits`,description:`Free: available at once`,inputMode:`decimal`,value:x,error:E.grantedCredits,onChange:e=>S(e.currentTarget.value)})]}),(0,H.jsx)(u,{label:`Expiry date`,description:`Optional; the wallet expires at the start of this day (UTC)`,type:`date`,value:w,error:E.expirationAt,onChange:e=>T(e.currentTarget.value)}),(0,H.jsxs)(n,{justify:`flex-end`,children:[(0,H.jsx)(t,{variant:`default`,onClick:i,children:`Cancel`}),(0,H.jsx)(t,{type:`submit`,loading:s.fetching,children:`Create wallet`})]})]})})}var ee={ACTIVE:`Active`,TERMINATED:`Terminated`},te={ACTIVE:`teal.9`,TERMINATED:`gray.7`},K={INBOUND:`Inbound`,OUTBOUND:`Outbound`},q={PURCHASED:`Purchased (paid)`,GRANTED:`Granted (free)`,INVOICED:`Used on an invoice`,VOIDED:`Voided`},J={PENDING:`Pending`,SETTLED:`Settled`,FAILED:`Failed`},Y={paid:`Top up`,granted:`Grant credits to`},X={paid:`paidCredits`,granted:`grantedCredits`};function ne({target:e,onClose:t,onDone:n}){return(0,H.jsx)(s,{opened:e!==null,onClose:t,title:e?`${Y[e.kind]} ${e.walletName}`:`Credits`,closeButtonProps:{"aria-label":`Close`},children:e!==null&&(0,H.jsx)(Z,{target:e,onClose:t,onDone:n},`${e.kind}-${e.walletId}`)})}function Z({target:e,onClose:r,onDone:o}){let[s,c]=y(L),[l,f]=(0,N.useState)(``),[p,m]=(0,N.useState)({}),[h,g]=(0,N.useState)(null),_=X[e.kind];function v(t){t.preventDefault(),g(null);let n=B(l);if(n===null){m({[_]:`Enter a number of credits`});return}m({});let r={walletId:e.walletId,[_]:n};c({input:r}).then(t=>{if(!t.error){o(e,n);return}let r=b(t.error),i=r[_]??r.paidCredits??r.grantedCredits;i===void 0?g(C(t.error)):m({[_]:i})})}return(0,H.jsx)(`form`,{onSubmit:v,noValidate:!0,children:(0,H.jsxs)(d,{children:[(0,H.jsxs)(i,{size:`sm`,children:[e.kind===`paid`?`Paid credits are invoiced now (a credit purchase invoice) and available once the invoice is paid.`:`Granted credits are free and available at once.`,` `,`One credit is worth `,z(e.rateAmount,e.currency),`.`]}),h!==null&&(0,H.jsx)(a,{color:`red`,role:`alert`,title:`No credits were added`,children:h}),(0,H.jsx)(u,{label:e.kind===`paid`?`Paid credits`:`Granted credits`,withAsterisk:!0,inputMode:`decimal`,value:l,error:p[_],onChange:e=>f(e.currentTarget.value)}),(0,H.jsxs)(n,{justify:`flex-end`,children:[(0,H.jsx)(t,{variant:`default`,onClick:r,children:`Cancel`}),(0,H.jsx)(t,{type:`submit`,loading:s.fetching,children:e.kind===`paid`?`Top up wallet`:`Grant credits`})]})]})})}var re=50;function ie({walletId:e,walletName:t,currency:n}){let o=(0,N.useMemo)(()=>({additionalTypenames:[`Wallet`,`WalletTransaction`]}),[]),[{data:s,fetching:l,error:u}]=v({query:F,variables:{walletId:e,limit:re},context:o});if(l&&!s)return(0,H.jsx)(r,{size:`sm`,"aria-label":`Loading the transactions of ${t}`});let d=s?.walletTransactions;return d?d.collection.length===0?(0,H.jsx)(i,{size:`sm`,children:`No transaction yet.`}):(0,H.jsxs)(H.Fragment,{children:[(0,H.jsx)(c.ScrollContainer,{minWidth:640,children:(0,H.jsxs)(c,{striped:!0,"aria-label":`Transactions of ${t}`,children:[(0,H.jsx)(c.Thead,{children:(0,H.jsxs)(c.Tr,{children:[(0,H.jsx)(c.Th,{scope:`col`,children:`Date`}),(0,H.jsx)(c.Th,{scope:`col`,children:`Direction`}),(0,H.jsx)(c.Th,{scope:`col`,children:`Source`}),(0,H.jsx)(c.Th,{scope:`col`,children:`Credits`}),(0,H.jsx)(c.Th,{scope:`col`,children:`Amount`}),(0,H.jsx)(c.Th,{scope:`col`,children:`Status`})]})}),(0,H.jsx)(c.Tbody,{children:d.collection.map(e=>(0,H.jsxs)(c.Tr,{children:[(0,H.jsx)(c.Td,{children:S(e.createdAt)}),(0,H.jsx)(c.Td,{children:K[e.transactionType]}),(0,H.jsx)(c.Td,{children:q[e.source]}),(0,H.jsx)(c.Td,{children:D(e.creditAmount)}),(0,H.jsx)(c.Td,{children:E(e.amountCents,n)}),(0,H.jsxs)(c.Td,{children:[J[e.status],e.settledAt?`, ${S(e.settledAt)}`:``]})]},e.id))})]})}),d.metadata.totalCount>d.collection.length&&(0,H.jsxs)(i,{size:`sm`,c:`dimmed`,children:[`The `,d.collection.length,` latest of `,d.metadata.totalCount,` transactions.`]})]}):(0,H.jsx)(a,{color:`red`,role:`alert`,title:`The transactions could not be loaded`,children:u?C(u):`Try again.`})}function Q({label:e,children:t}){return(0,H.jsxs)(`div`,{children:[(0,H.jsx)(i,{size:`xs`,c:`dimmed`,children:e}),(0,H.jsx)(i,{fw:500,children:t})]})}var $=e=>e.name??`Unnamed wallet`;function ae({customer:e}){let{permissions:c}=T(),u=(0,N.useMemo)(()=>({additionalTypenames:[`Wallet`]}),[]),[{data:g,fetching:_,error:b},w]=v({query:P,variables:{id:e.id},context:u}),[O,F]=y(R),[I,L]=(0,N.useState)(!1),[B,V]=(0,N.useState)(null),[U,G]=(0,N.useState)(null),[K,q]=(0,N.useState)(null);if(_&&!g)return(0,H.jsx)(h,{p:`xl`,children:(0,H.jsx)(r,{"aria-label":`Loading the wallets`})});let J=g?.customer?.wallets;if(!J)return(0,H.jsx)(a,{color:`red`,role:`alert`,title:`The wallets could not be loaded`,children:b?C(b):`There is no such customer.`});let Y=()=>w({requestPolicy:`network-only`}),X=(e,t)=>{q(null),V({kind:t,walletId:e.id,walletName:$(e),rateAmount:e.rateAmount,currency:e.currency})};function Z(e){F({id:e.id}).then(t=>{Y(),t.error||(G(null),q(`${$(e)} is terminated.`))})}return(0,H.jsxs)(d,{gap:`md`,children:[(0,H.jsxs)(n,{justify:`space-between`,children:[(0,H.jsx)(m,{order:2,size:`h3`,children:`Wallets`}),j(J,c)&&(0,H.jsx)(t,{onClick:()=>{q(null),L(!0)},children:`Create a wallet`})]}),K!==null&&(0,H.jsx)(f,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>q(null),closeButtonProps:{"aria-label":`Dismiss`},children:K}),J.length===0&&(0,H.jsx)(i,{children:`This customer has no wallet.`}),J.map(e=>{let r=$(e),i=t=>E(t,e.currency),a=k(e,c),s=M(e,c),u=A(e,c);return(0,H.jsx)(o,{withBorder:!0,component:`section`,"aria-label":`Wallet ${r}`,children:(0,H.jsxs)(d,{gap:`sm`,children:[(0,H.jsxs)(n,{justify:`space-between`,align:`flex-start`,children:[(0,H.jsxs)(n,{gap:`sm`,children:[(0,H.jsx)(m,{order:3,size:`h4`,children:r}),(0,H.jsx)(l,{color:te[e.status],variant:`filled`,children:ee[e.status]})]}),(a||s||u)&&(0,H.jsxs)(n,{gap:`xs`,role:`group`,"aria-label":`Actions on ${r}`,children:[a&&(0,H.jsx)(t,{size:`xs`,onClick:()=>X(e,`paid`),children:`Top up`}),s&&(0,H.jsx)(t,{size:`xs`,variant:`outline`,onClick:()=>X(e,`granted`),children:`Grant credits`}),u&&(0,H.jsx)(t,{size:`xs`,color:`red.9`,variant:`outline`,onClick:()=>{q(null),G(e)},children:`Terminate`})]})]}),(0,H.jsxs)(p,{cols:{base:2,md:4},children:[(0,H.jsx)(Q,{label:`Balance (credits)`,children:D(e.creditsBalance)}),(0,H.jsx)(Q,{label:`Balance (amount)`,children:i(e.balanceCents)}),(0,H.jsx)(Q,{label:`Rate (one credit)`,children:z(e.rateAmount,e.currency)}),(0,H.jsxs)(Q,{label:`Consumed`,children:[D(e.consumedCredits),` credits, `,i(e.consumedAmountCents)]}),(0,H.jsx)(Q,{label:`Created`,children:S(e.createdAt)}),(0,H.jsx)(Q,{label:`Expires`,children:e.expirationAt?x(e.expirationAt):`Never`}),e.terminatedAt&&(0,H.jsx)(Q,{label:`Terminated`,children:S(e.terminatedAt)})]}),(0,H.jsx)(m,{order:4,size:`h5`,children:`Transactions`}),(0,H.jsx)(ie,{walletId:e.id,walletName:r,currency:e.currency})]})},e.id)}),(0,H.jsx)(W,{opened:I,customer:e,currency:g.customer?.currency??e.currency,onClose:()=>L(!1),onCreated:t=>{L(!1),q(`${t} was created for ${e.name}.`),Y()}}),(0,H.jsx)(ne,{target:B,onClose:()=>V(null),onDone:(e,t)=>{V(null),q(e.kind===`paid`?`${t} paid credits were invoiced for ${e.walletName}; they land once paid.`:`${t} credits were granted to ${e.walletName}.`),Y()}}),(0,H.jsx)(s,{opened:U!==null,onClose:()=>G(null),title:U?`Terminate ${$(U)}`:`Terminate the wallet`,closeButtonProps:{"aria-label":`Close`},children:U!==null&&(0,H.jsxs)(d,{children:[(0,H.jsxs)(i,{children:[`No more top-ups or consumption: the `,D(U.creditsBalance),` credits left stay visible but are no longer spent.`]}),O.error&&(0,H.jsx)(a,{color:`red`,role:`alert`,title:`The wallet was not terminated`,children:C(O.error)}),(0,H.jsxs)(n,{justify:`flex-end`,children:[(0,H.jsx)(t,{variant:`default`,onClick:()=>G(null),children:`Cancel`}),(0,H.jsx)(t,{color:`red.9`,loading:O.fetching,onClick:()=>Z(U),children:`Terminate wallet`})]})]})})]})}export{ae as default};