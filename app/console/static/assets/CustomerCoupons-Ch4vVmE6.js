import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{E as t,I as n,L as r,N as i,P as a,_ as o,a as s,h as c,k as l,n as u,o as d,p as f,t as p,w as m}from"./mantine-CZXpRZcI.js";import{d as h,m as g}from"./react-NbSbU0Yf.js";import{i as _,r as v}from"./graphql-crtUrLD5.js";import{i as y,n as b,r as x,t as S}from"./format-B5t8BnP_.js";import{c as C,i as w}from"./index-BRDqB1-b.js";import{i as T,n as E,o as D,r as O}from"./money-CDJBJhyX.js";import{n as k,r as A}from"./actions-CDsLLInP.js";var j=e(g(),1),M=C(`
  query CustomerAppliedCoupons($id: ID!) {
    customer(id: $id) {
      id
      currency
      appliedCoupons {
        id
        status
        amountCents
        amountCentsRemaining
        amountCurrency
        percentageRate
        frequency
        frequencyDuration
        frequencyDurationRemaining
        terminatedAt
        createdAt
        coupon {
          id
          name
          code
          couponType
        }
      }
    }
  }
`),N=C(`
  query ApplicableCoupons {
    coupons(terminated: false, limit: 100) {
      collection {
        id
        name
        code
        couponType
        amountCents
        amountCurrency
        percentageRate
        frequency
        frequencyDuration
        status
      }
    }
  }
`),P=C(`
  mutation CreateAppliedCoupon($input: CreateAppliedCouponInput!) {
    createAppliedCoupon(input: $input) {
      id
      status
    }
  }
`),F=C(`
  mutation TerminateAppliedCoupon($id: ID!) {
    terminateAppliedCoupon(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`),I={FIXED_AMOUNT:`Fixed amount`,PERCENTAGE:`Percentage`},L={ONCE:`Once`,RECURRING:`Recurring`,FOREVER:`Forever`},R={ACTIVE:`Active`,TERMINATED:`Terminated`},z={ACTIVE:`teal.9`,TERMINATED:`gray.7`},B=h(),V=[`ONCE`,`RECURRING`,`FOREVER`];function H({opened:e,customer:t,currency:n,onClose:r,onApplied:i}){return(0,B.jsx)(o,{opened:e,onClose:r,title:`Apply a coupon to ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,B.jsx)(U,{customer:t,currency:n,onClose:r,onApplied:i})})}function U({customer:e,currency:o,onClose:s,onApplied:l}){let[{data:f,fetching:p,error:m}]=_({query:N}),[h,g]=v(P),[b,x]=(0,j.useState)(``),[C,w]=(0,j.useState)(``),[k,A]=(0,j.useState)(``),[M,F]=(0,j.useState)(``),[R,z]=(0,j.useState)(``),[H,U]=(0,j.useState)(``),[W,G]=(0,j.useState)({}),[K,q]=(0,j.useState)(null);if(p&&!f)return(0,B.jsx)(r,{"aria-label":`Loading the coupons to apply`});let J=(f?.coupons?.collection??[]).filter(e=>e.status===`ACTIVE`);if(!f?.coupons)return(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:m?S(m):`Try again.`});if(J.length===0)return(0,B.jsx)(i,{children:`The organization has no coupon that can be applied.`});let Y=J.find(e=>e.id===b)??null,X=Y?.couponType===`FIXED_AMOUNT`,Z=k.trim().toUpperCase()||Y?.amountCurrency||o||`EUR`,Q=R===``?Y?.frequency:R,$=Y?.amountCents!==null&&Y?.amountCents!==void 0&&Y.amountCurrency?T(Y.amountCents,Y.amountCurrency):null;function ee(t){t.preventDefault(),q(null);let n={};Y===null&&(n.couponId=`Choose a coupon`);let r={customerId:e.id,couponId:b};if(X&&C.trim()!==``){let e=E(C,Z);e===null?n.amountCents=`Enter an amount such as ${D(1250,Z)}`:r.amountCents=e}if(X&&k.trim()!==``&&(r.amountCurrency=k.trim().toUpperCase()),!X&&M.trim()!==``&&(r.percentageRate=M.trim()),R!==``&&(r.frequency=R),Q===`RECURRING`&&H.trim()!==``&&(/^\d+$/.test(H.trim())?r.frequencyDuration=Number(H.trim()):n.frequencyDuration=`Enter a whole number of periods`),G(n),Object.keys(n).length>0||Y===null)return;let i=Y.name;g({input:r}).then(e=>{if(!e.error){l(i);return}let t=y(e.error),n=[`couponId`,`amountCents`,`amountCurrency`,`percentageRate`,`frequency`,`frequencyDuration`];G(t),Object.keys(t).some(e=>n.includes(e))||q(S(e.error))})}return(0,B.jsx)(`form`,{onSubmit:ee,noValidate:!0,children:(0,B.jsxs)(d,{children:[K!==null&&(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The coupon was not applied`,children:K}),(0,B.jsx)(c,{label:`Coupon`,withAsterisk:!0,value:b,error:W.couponId,onChange:e=>{x(e.currentTarget.value),G({})},data:[{value:``,label:`Choose a coupon`},...J.map(e=>({value:e.id,label:`${e.name} (${e.code}) · ${I[e.couponType]}`}))]}),Y!==null&&X&&(0,B.jsxs)(n,{grow:!0,align:`flex-start`,children:[(0,B.jsx)(u,{label:`Amount`,description:`The coupon's: ${$??`none`}; empty keeps it`,inputMode:`decimal`,value:C,error:W.amountCents,onChange:e=>w(e.currentTarget.value)}),(0,B.jsx)(u,{label:`Currency`,description:`Empty keeps the coupon's (${Y.amountCurrency??`none`})`,maxLength:3,value:k,error:W.amountCurrency,onChange:e=>A(e.currentTarget.value)})]}),Y!==null&&!X&&(0,B.jsx)(u,{label:`Percentage`,description:`Percent off; the coupon's: ${Y.percentageRate?`${O(Y.percentageRate)} %`:`none`}; empty keeps it`,inputMode:`decimal`,value:M,error:W.percentageRate,onChange:e=>F(e.currentTarget.value)}),Y!==null&&(0,B.jsx)(c,{label:`Frequency`,value:R,error:W.frequency,onChange:e=>z(e.currentTarget.value),data:[{value:``,label:`The coupon's (${L[Y.frequency]})`},...V.map(e=>({value:e,label:L[e]}))]}),Y!==null&&Q===`RECURRING`&&(0,B.jsx)(u,{label:`Number of periods`,description:`How many billing periods it applies to; the coupon's: ${Y.frequencyDuration??`none`}; empty keeps it`,inputMode:`numeric`,value:H,error:W.frequencyDuration,onChange:e=>U(e.currentTarget.value)}),(0,B.jsxs)(n,{justify:`flex-end`,children:[(0,B.jsx)(t,{variant:`default`,onClick:s,children:`Cancel`}),(0,B.jsx)(t,{type:`submit`,loading:h.fetching,children:`Apply coupon`})]})]})})}function W(e){return e.coupon.couponType===`PERCENTAGE`?e.percentageRate===null||e.percentageRate===void 0?`—`:`${O(e.percentageRate)} %`:e.amountCents===null||e.amountCents===void 0||!e.amountCurrency?`—`:T(e.amountCents,e.amountCurrency)}function G(e){let t=L[e.frequency];return e.frequency!==`RECURRING`||e.frequencyDuration===null||e.frequencyDuration===void 0?t:`${t}, ${e.frequencyDuration} ${e.frequencyDuration===1?`period`:`periods`}`}function K(e){let t=[];if(e.amountCentsRemaining!==null&&e.amountCentsRemaining!==void 0&&e.amountCurrency&&t.push(T(e.amountCentsRemaining,e.amountCurrency)),e.frequency===`RECURRING`&&e.frequencyDurationRemaining!==null&&e.frequencyDurationRemaining!==void 0){let n=e.frequencyDurationRemaining;t.push(`${n} ${n===1?`period`:`periods`}`)}return t.length===0?`—`:t.join(`, `)}function q({customer:e}){let{permissions:c}=w(),u=(0,j.useMemo)(()=>({additionalTypenames:[`AppliedCoupon`]}),[]),[{data:h,fetching:g,error:y},C]=_({query:M,variables:{id:e.id},context:u}),[T,E]=v(F),[D,O]=(0,j.useState)(!1),[N,P]=(0,j.useState)(null),[L,V]=(0,j.useState)(null);if(g&&!h)return(0,B.jsx)(m,{p:`xl`,children:(0,B.jsx)(r,{"aria-label":`Loading the coupons`})});let U=h?.customer?.appliedCoupons;if(!U)return(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:y?S(y):`There is no such customer.`});let q=k(c),J=U.some(e=>A(e,c));function Y(t){E({id:t.id}).then(n=>{C({requestPolicy:`network-only`}),n.error||(P(null),V(`${t.coupon.name} no longer applies to ${e.name}.`))})}return(0,B.jsxs)(d,{gap:`md`,children:[(0,B.jsxs)(n,{justify:`space-between`,children:[(0,B.jsx)(p,{order:2,size:`h3`,children:`Applied coupons`}),q&&(0,B.jsx)(t,{onClick:()=>{V(null),O(!0)},children:`Apply a coupon`})]}),L!==null&&(0,B.jsx)(f,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>V(null),closeButtonProps:{"aria-label":`Dismiss`},children:L}),U.length===0?(0,B.jsx)(i,{children:`No coupon applies to this customer.`}):(0,B.jsx)(s.ScrollContainer,{minWidth:880,children:(0,B.jsxs)(s,{striped:!0,"aria-label":`Applied coupons`,children:[(0,B.jsx)(s.Thead,{children:(0,B.jsxs)(s.Tr,{children:[(0,B.jsx)(s.Th,{scope:`col`,children:`Coupon`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Type`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Amount or percentage`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Frequency`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Remaining`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Status`}),(0,B.jsx)(s.Th,{scope:`col`,children:`Applied`}),J&&(0,B.jsx)(s.Th,{scope:`col`,children:`Actions`})]})}),(0,B.jsx)(s.Tbody,{children:U.map(e=>(0,B.jsxs)(s.Tr,{children:[(0,B.jsxs)(s.Td,{children:[(0,B.jsx)(i,{size:`sm`,fw:500,children:e.coupon.name}),(0,B.jsx)(i,{size:`xs`,c:`dimmed`,children:e.coupon.code})]}),(0,B.jsx)(s.Td,{children:I[e.coupon.couponType]}),(0,B.jsx)(s.Td,{children:W(e)}),(0,B.jsx)(s.Td,{children:G(e)}),(0,B.jsx)(s.Td,{children:K(e)}),(0,B.jsx)(s.Td,{children:(0,B.jsx)(l,{color:z[e.status],variant:`filled`,children:R[e.status]})}),(0,B.jsxs)(s.Td,{children:[b(e.createdAt),e.terminatedAt?` – ${b(e.terminatedAt)}`:``]}),J&&(0,B.jsx)(s.Td,{children:A(e,c)&&(0,B.jsx)(t,{size:`xs`,color:`red.9`,variant:`outline`,"aria-label":`Terminate ${e.coupon.name}`,onClick:()=>{V(null),P(e)},children:`Terminate`})})]},e.id))})]})}),q&&(0,B.jsx)(H,{opened:D,customer:e,currency:h.customer?.currency??e.currency,onClose:()=>O(!1),onApplied:t=>{O(!1),V(`${t} now applies to ${e.name}.`),C({requestPolicy:`network-only`})}}),(0,B.jsx)(o,{opened:N!==null,onClose:()=>P(null),title:N?`Terminate ${N.coupon.name}`:`Terminate the coupon`,closeButtonProps:{"aria-label":`Close`},children:N!==null&&(0,B.jsxs)(d,{children:[(0,B.jsxs)(i,{children:[N.coupon.name,` (`,N.coupon.code,`) will no longer apply to `,e.name,`; what is left of it is lost. Applied`,` `,x(N.createdAt),`.`]}),T.error&&(0,B.jsx)(a,{color:`red`,role:`alert`,title:`The coupon was not terminated`,children:S(T.error)}),(0,B.jsxs)(n,{justify:`flex-end`,children:[(0,B.jsx)(t,{variant:`default`,onClick:()=>P(null),children:`Cancel`}),(0,B.jsx)(t,{color:`red.9`,loading:T.fetching,onClick:()=>Y(N),children:`Terminate coupon`})]})]})})]})}export{q as default};