import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{C as t,F as n,I as r,M as i,N as a,O as o,T as s,a as c,f as l,g as u,n as d,o as f,s as p,t as m,w as h}from"./mantine-BW7Vih4u.js";import{d as g,m as _}from"./react-NbSbU0Yf.js";import{i as v,r as y}from"./graphql-crtUrLD5.js";import{i as b,n as x,r as S,t as C}from"./format-B5t8BnP_.js";import{c as w,i as T}from"./index-CsV9VhWG.js";import{i as E,r as D,t as O}from"./money-CDJBJhyX.js";import{a as k,i as A,n as j,r as ee}from"./actions-DKzM1Qz4.js";var M=e(_(),1),te=w(`
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
`),N=w(`
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
`),P=w(`
  mutation CreateCustomerWallet($input: CreateCustomerWalletInput!) {
    createCustomerWallet(input: $input) {
      id
      status
    }
  }
`),F=w(`
  mutation CreateCustomerWalletTransaction($input: CreateCustomerWalletTransactionInput!) {
    createCustomerWalletTransaction(input: $input) {
      id
      creditsBalance
      balanceCents
    }
  }
`),I=w(`
  mutation TerminateCustomerWallet($id: ID!) {
    terminateCustomerWallet(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);function L(e,t){let n=O(t);return new Intl.NumberFormat(void 0,{style:`currency`,currency:t,minimumFractionDigits:n,maximumFractionDigits:20}).format(e)}function R(e){let t=e.trim().replace(`,`,`.`);return t===``?null:t}function z(e){return/^\d{4}-\d{2}-\d{2}$/.test(e)?`${e}T00:00:00Z`:null}var B=g(),V=[`name`,`currency`,`rateAmount`,`paidCredits`,`grantedCredits`,`expirationAt`];function H({opened:e,customer:t,currency:n,onClose:r,onCreated:i}){return(0,B.jsx)(u,{opened:e,onClose:r,title:`Create a wallet for ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,B.jsx)(U,{customer:t,currency:n,onClose:r,onCreated:i})})}function U({customer:e,currency:t,onClose:r,onCreated:i}){let[o,c]=y(P),[l,u]=(0,M.useState)(``),[p,m]=(0,M.useState)(t??``),[h,g]=(0,M.useState)(`1`),[_,v]=(0,M.useState)(``),[x,S]=(0,M.useState)(``),[w,T]=(0,M.useState)(``),[E,D]=(0,M.useState)({}),[O,k]=(0,M.useState)(null);function A(t){t.preventDefault(),k(null);let n={},r={customerId:e.id,currency:p.trim().toUpperCase(),rateAmount:R(h)??``};l.trim()!==``&&(r.name=l.trim());let a=R(_);a!==null&&(r.paidCredits=a);let o=R(x);if(o!==null&&(r.grantedCredits=o),w!==``){let e=z(w);e===null?n.expirationAt=`Enter a date`:r.expirationAt=e}D(n),Object.keys(n).length>0||c({input:r}).then(e=>{if(!e.error){i(r.name??`The wallet`);return}let t=b(e.error);D(t),Object.keys(t).some(e=>V.includes(e))||k(C(e.error))})}return(0,B.jsx)(`form`,{onSubmit:A,noValidate:!0,children:(0,B.jsxs)(f,{children:[O!==null&&(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The wallet was not created`,children:O}),(0,B.jsx)(d,{label:`Name`,description:`Optional, as shown on invoices`,value:l,error:E.name,onChange:e=>u(e.currentTarget.value)}),(0,B.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,B.jsx)(d,{label:`Currency`,description:t?`The customer is billed in ${t}`:`ISO code, such as EUR`,withAsterisk:!0,maxLength:3,value:p,error:E.currency,onChange:e=>m(e.currentTarget.value)}),(0,B.jsx)(d,{label:`Rate`,description:`What one credit is worth in the currency, such as 1 or 0.5`,withAsterisk:!0,inputMode:`decimal`,value:h,error:E.rateAmount,onChange:e=>g(e.currentTarget.value)})]}),(0,B.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,B.jsx)(d,{label:`Paid credits`,description:`Bought: invoiced now, available once paid`,inputMode:`decimal`,value:_,error:E.paidCredits,onChange:e=>v(e.currentTarget.value)}),(0,B.jsx)(d,{label:`Granted credits`,description:`Free: available at once`,inputMode:`decimal`,value:x,error:E.grantedCredits,onChange:e=>S(e.currentTarget.value)})]}),(0,B.jsx)(d,{label:`Expiry date`,description:`Optional; the wallet expires at the start of this day (UTC)`,type:`date`,value:w,error:E.expirationAt,onChange:e=>T(e.currentTarget.value)}),(0,B.jsxs)(n,{justify:`flex-end`,children:[(0,B.jsx)(s,{variant:`default`,onClick:r,children:`Cancel`}),(0,B.jsx)(s,{type:`submit`,loading:o.fetching,children:`Create wallet`})]})]})})}var W={ACTIVE:`Active`,TERMINATED:`Terminated`},G={ACTIVE:`teal.9`,TERMINATED:`gray.7`},K={INBOUND:`Inbound`,OUTBOUND:`Outbound`},q={PURCHASED:`Purchased (paid)`,GRANTED:`Granted (free)`,INVOICED:`Used on an invoice`,VOIDED:`Voided`},J={PENDING:`Pending`,SETTLED:`Settled`,FAILED:`Failed`},Y={paid:`Top up`,granted:`Grant credits to`},X={paid:`paidCredits`,granted:`grantedCredits`};function ne({target:e,onClose:t,onDone:n}){return(0,B.jsx)(u,{opened:e!==null,onClose:t,title:e?`${Y[e.kind]} ${e.walletName}`:`Credits`,closeButtonProps:{"aria-label":`Close`},children:e!==null&&(0,B.jsx)(Z,{target:e,onClose:t,onDone:n},`${e.kind}-${e.walletId}`)})}function Z({target:e,onClose:t,onDone:r}){let[o,c]=y(F),[l,u]=(0,M.useState)(``),[p,m]=(0,M.useState)({}),[h,g]=(0,M.useState)(null),_=X[e.kind];function v(t){t.preventDefault(),g(null);let n=R(l);if(n===null){m({[_]:`Enter a number of credits`});return}m({});let i={walletId:e.walletId,[_]:n};c({input:i}).then(t=>{if(!t.error){r(e,n);return}let i=b(t.error),a=i[_]??i.paidCredits??i.grantedCredits;a===void 0?g(C(t.error)):m({[_]:a})})}return(0,B.jsx)(`form`,{onSubmit:v,noValidate:!0,children:(0,B.jsxs)(f,{children:[(0,B.jsxs)(i,{size:`sm`,children:[e.kind===`paid`?`Paid credits are invoiced now (a credit purchase invoice) and available once the invoice is paid.`:`Granted credits are free and available at once.`,` `,`One credit is worth `,L(e.rateAmount,e.currency),`.`]}),h!==null&&(0,B.jsx)(a,{color:`red`,role:`alert`,title:`No credits were added`,children:h}),(0,B.jsx)(d,{label:e.kind===`paid`?`Paid credits`:`Granted credits`,withAsterisk:!0,inputMode:`decimal`,value:l,error:p[_],onChange:e=>u(e.currentTarget.value)}),(0,B.jsxs)(n,{justify:`flex-end`,children:[(0,B.jsx)(s,{variant:`default`,onClick:t,children:`Cancel`}),(0,B.jsx)(s,{type:`submit`,loading:o.fetching,children:e.kind===`paid`?`Top up wallet`:`Grant credits`})]})]})})}var re=50;function ie({walletId:e,walletName:t,currency:n}){let o=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`,`WalletTransaction`]}),[]),[{data:s,fetching:l,error:u}]=v({query:N,variables:{walletId:e,limit:re},context:o});if(l&&!s)return(0,B.jsx)(r,{size:`sm`,"aria-label":`Loading the transactions of ${t}`});let d=s?.walletTransactions;return d?d.collection.length===0?(0,B.jsx)(i,{size:`sm`,children:`No transaction yet.`}):(0,B.jsxs)(B.Fragment,{children:[(0,B.jsx)(c.ScrollContainer,{minWidth:640,children:(0,B.jsxs)(c,{striped:!0,"aria-label":`Transactions of ${t}`,children:[(0,B.jsx)(c.Thead,{children:(0,B.jsxs)(c.Tr,{children:[(0,B.jsx)(c.Th,{scope:`col`,children:`Date`}),(0,B.jsx)(c.Th,{scope:`col`,children:`Direction`}),(0,B.jsx)(c.Th,{scope:`col`,children:`Source`}),(0,B.jsx)(c.Th,{scope:`col`,children:`Credits`}),(0,B.jsx)(c.Th,{scope:`col`,children:`Amount`}),(0,B.jsx)(c.Th,{scope:`col`,children:`Status`})]})}),(0,B.jsx)(c.Tbody,{children:d.collection.map(e=>(0,B.jsxs)(c.Tr,{children:[(0,B.jsx)(c.Td,{children:S(e.createdAt)}),(0,B.jsx)(c.Td,{children:K[e.transactionType]}),(0,B.jsx)(c.Td,{children:q[e.source]}),(0,B.jsx)(c.Td,{children:D(e.creditAmount)}),(0,B.jsx)(c.Td,{children:E(e.amountCents,n)}),(0,B.jsxs)(c.Td,{children:[J[e.status],e.settledAt?`, ${S(e.settledAt)}`:``]})]},e.id))})]})}),d.metadata.totalCount>d.collection.length&&(0,B.jsxs)(i,{size:`sm`,c:`dimmed`,children:[`The `,d.collection.length,` latest of `,d.metadata.totalCount,` transactions.`]})]}):(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The transactions could not be loaded`,children:u?C(u):`Try again.`})}function Q({label:e,children:t}){return(0,B.jsxs)(`div`,{children:[(0,B.jsx)(i,{size:`xs`,c:`dimmed`,children:e}),(0,B.jsx)(i,{fw:500,children:t})]})}var $=e=>e.name??`Unnamed wallet`;function ae({customer:e}){let{permissions:c}=T(),d=(0,M.useMemo)(()=>({additionalTypenames:[`Wallet`]}),[]),[{data:g,fetching:_,error:b},w]=v({query:te,variables:{id:e.id},context:d}),[O,N]=y(I),[P,F]=(0,M.useState)(!1),[R,z]=(0,M.useState)(null),[V,U]=(0,M.useState)(null),[K,q]=(0,M.useState)(null);if(_&&!g)return(0,B.jsx)(t,{p:`xl`,children:(0,B.jsx)(r,{"aria-label":`Loading the wallets`})});let J=g?.customer?.wallets;if(!J)return(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The wallets could not be loaded`,children:b?C(b):`There is no such customer.`});let Y=()=>w({requestPolicy:`network-only`}),X=(e,t)=>{q(null),z({kind:t,walletId:e.id,walletName:$(e),rateAmount:e.rateAmount,currency:e.currency})};function Z(e){N({id:e.id}).then(t=>{Y(),t.error||(U(null),q(`${$(e)} is terminated.`))})}return(0,B.jsxs)(f,{gap:`md`,children:[(0,B.jsxs)(n,{justify:`space-between`,children:[(0,B.jsx)(m,{order:2,size:`h3`,children:`Wallets`}),j(J,c)&&(0,B.jsx)(s,{onClick:()=>{q(null),F(!0)},children:`Create a wallet`})]}),K!==null&&(0,B.jsx)(l,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>q(null),closeButtonProps:{"aria-label":`Dismiss`},children:K}),J.length===0&&(0,B.jsx)(i,{children:`This customer has no wallet.`}),J.map(e=>{let t=$(e),r=t=>E(t,e.currency),i=k(e,c),a=ee(e,c),l=A(e,c);return(0,B.jsx)(h,{withBorder:!0,component:`section`,"aria-label":`Wallet ${t}`,children:(0,B.jsxs)(f,{gap:`sm`,children:[(0,B.jsxs)(n,{justify:`space-between`,align:`flex-start`,children:[(0,B.jsxs)(n,{gap:`sm`,children:[(0,B.jsx)(m,{order:3,size:`h4`,children:t}),(0,B.jsx)(o,{color:G[e.status],variant:`filled`,children:W[e.status]})]}),(i||a||l)&&(0,B.jsxs)(n,{gap:`xs`,role:`group`,"aria-label":`Actions on ${t}`,children:[i&&(0,B.jsx)(s,{size:`xs`,onClick:()=>X(e,`paid`),children:`Top up`}),a&&(0,B.jsx)(s,{size:`xs`,variant:`outline`,onClick:()=>X(e,`granted`),children:`Grant credits`}),l&&(0,B.jsx)(s,{size:`xs`,color:`red.9`,variant:`outline`,onClick:()=>{q(null),U(e)},children:`Terminate`})]})]}),(0,B.jsxs)(p,{cols:{base:2,md:4},children:[(0,B.jsx)(Q,{label:`Balance (credits)`,children:D(e.creditsBalance)}),(0,B.jsx)(Q,{label:`Balance (amount)`,children:r(e.balanceCents)}),(0,B.jsx)(Q,{label:`Rate (one credit)`,children:L(e.rateAmount,e.currency)}),(0,B.jsxs)(Q,{label:`Consumed`,children:[D(e.consumedCredits),` credits, `,r(e.consumedAmountCents)]}),(0,B.jsx)(Q,{label:`Created`,children:S(e.createdAt)}),(0,B.jsx)(Q,{label:`Expires`,children:e.expirationAt?x(e.expirationAt):`Never`}),e.terminatedAt&&(0,B.jsx)(Q,{label:`Terminated`,children:S(e.terminatedAt)})]}),(0,B.jsx)(m,{order:4,size:`h5`,children:`Transactions`}),(0,B.jsx)(ie,{walletId:e.id,walletName:t,currency:e.currency})]})},e.id)}),(0,B.jsx)(H,{opened:P,customer:e,currency:g.customer?.currency??e.currency,onClose:()=>F(!1),onCreated:t=>{F(!1),q(`${t} was created for ${e.name}.`),Y()}}),(0,B.jsx)(ne,{target:R,onClose:()=>z(null),onDone:(e,t)=>{z(null),q(e.kind===`paid`?`${t} paid credits were invoiced for ${e.walletName}; they land once paid.`:`${t} credits were granted to ${e.walletName}.`),Y()}}),(0,B.jsx)(u,{opened:V!==null,onClose:()=>U(null),title:V?`Terminate ${$(V)}`:`Terminate the wallet`,closeButtonProps:{"aria-label":`Close`},children:V!==null&&(0,B.jsxs)(f,{children:[(0,B.jsxs)(i,{children:[`No more top-ups or consumption: the `,D(V.creditsBalance),` credits left stay visible but are no longer spent.`]}),O.error&&(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The wallet was not terminated`,children:C(O.error)}),(0,B.jsxs)(n,{justify:`flex-end`,children:[(0,B.jsx)(s,{variant:`default`,onClick:()=>U(null),children:`Cancel`}),(0,B.jsx)(s,{color:`red.9`,loading:O.fetching,onClick:()=>Z(V),children:`Terminate wallet`})]})]})})]})}export{ae as default};