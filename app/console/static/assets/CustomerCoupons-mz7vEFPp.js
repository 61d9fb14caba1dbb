import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{H as t,P as n,R as r,S as i,U as a,b as o,d as s,j as c,k as l,o as u,s as d,u as f,v as p,z as m}from"./mantine-DD3iPAi4.js";import{g as h,p as g}from"./react-DEpeCm3W.js";import{H as _,U as v}from"./graphql-DzSSvvds.js";import{i as y,n as b,r as x,t as S}from"./format-B5t8BnP_.js";import{i as C,o as w}from"./index-eSf1J9Z8.js";import{i as T,n as E,o as D,r as O}from"./money-CDJBJhyX.js";import{n as k,r as A}from"./actions-CDsLLInP.js";var j=e(h(),1),M=w(`
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
`),N=w(`
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
`),P=w(`
  mutation CreateAppliedCoupon($input: CreateAppliedCouponInput!) {
    createAppliedCoupon(input: $input) {
      id
      status
    }
  }
`),F=w(`
  mutation TerminateAppliedCoupon($id: ID!) {
    terminateAppliedCoupon(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`),I={FIXED_AMOUNT:`Fixed amount`,PERCENTAGE:`Percentage`},L={ONCE:`Once`,RECURRING:`Recurring`,FOREVER:`Forever`},R={ACTIVE:`Active`,TERMINATED:`Terminated`},z={ACTIVE:`teal.9`,TERMINATED:`gray.7`},B=g(),V=[`ONCE`,`RECURRING`,`FOREVER`];function H({opened:e,customer:t,currency:n,onClose:r,onApplied:a}){return(0,B.jsx)(i,{opened:e,onClose:r,title:`Apply a coupon to ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,B.jsx)(U,{customer:t,currency:n,onClose:r,onApplied:a})})}function U({customer:e,currency:n,onClose:i,onApplied:l}){let[{data:u,fetching:f,error:p}]=v({query:N}),[h,g]=_(P),[b,x]=(0,j.useState)(``),[C,w]=(0,j.useState)(``),[k,A]=(0,j.useState)(``),[M,F]=(0,j.useState)(``),[R,z]=(0,j.useState)(``),[H,U]=(0,j.useState)(``),[W,G]=(0,j.useState)({}),[K,q]=(0,j.useState)(null);if(f&&!u)return(0,B.jsx)(a,{"aria-label":`Loading the coupons to apply`});let J=(u?.coupons?.collection??[]).filter(e=>e.status===`ACTIVE`);if(!u?.coupons)return(0,B.jsx)(m,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:p?S(p):`Try again.`});if(J.length===0)return(0,B.jsx)(r,{children:`The organization has no coupon that can be applied.`});let Y=J.find(e=>e.id===b)??null,X=Y?.couponType===`FIXED_AMOUNT`,Z=k.trim().toUpperCase()||Y?.amountCurrency||n||`EUR`,Q=R===``?Y?.frequency:R,$=Y?.amountCents!==null&&Y?.amountCents!==void 0&&Y.amountCurrency?T(Y.amountCents,Y.amountCurrency):null;function ee(t){t.preventDefault(),q(null);let n={};Y===null&&(n.couponId=`Choose a coupon`);let r={customerId:e.id,couponId:b};if(X&&C.trim()!==``){let e=E(C,Z);e===null?n.amountCents=`Enter an amount such as ${D(1250,Z)}`:r.amountCents=e}if(X&&k.trim()!==``&&(r.amountCurrency=k.trim().toUpperCase()),!X&&M.trim()!==``&&(r.percentageRate=M.trim()),R!==``&&(r.frequency=R),Q===`RECURRING`&&H.trim()!==``&&(/^\d+$/.test(H.trim())?r.frequencyDuration=Number(H.trim()):n.frequencyDuration=`Enter a whole number of periods`),G(n),Object.keys(n).length>0||Y===null)return;let i=Y.name;g({input:r}).then(e=>{if(!e.error){l(i);return}let t=y(e.error),n=[`couponId`,`amountCents`,`amountCurrency`,`percentageRate`,`frequency`,`frequencyDuration`];G(t),Object.keys(t).some(e=>n.includes(e))||q(S(e.error))})}return(0,B.jsx)(`form`,{onSubmit:ee,noValidate:!0,children:(0,B.jsxs)(s,{children:[K!==null&&(0,B.jsx)(m,{color:`red`,role:`alert`,title:`The coupon was not applied`,children:K}),(0,B.jsx)(o,{label:`Coupon`,withAsterisk:!0,value:b,error:W.couponId,onChange:e=>{x(e.currentTarget.value),G({})},data:[{value:``,label:`Choose a coupon`},...J.map(e=>({value:e.id,label:`${e.name} (${e.code}) · ${I[e.couponType]}`}))]}),Y!==null&&X&&(0,B.jsxs)(t,{grow:!0,align:`flex-start`,children:[(0,B.jsx)(d,{label:`Amount`,description:`The coupon's: ${$??`none`}; empty keeps it`,inputMode:`decimal`,value:C,error:W.amountCents,onChange:e=>w(e.currentTarget.value)}),(0,B.jsx)(d,{label:`Currency`,description:`Empty keeps the coupon's (${Y.amountCurrency??`none`})`,maxLength:3,value:k,error:W.amountCurrency,onChange:e=>A(e.currentTarget.value)})]}),Y!==null&&!X&&(0,B.jsx)(d,{label:`Percentage`,description:`Percent off; the coupon's: ${Y.percentageRate?`${O(Y.percentageRate)} %`:`none`}; empty keeps it`,inputMode:`decimal`,value:M,error:W.percentageRate,onChange:e=>F(e.currentTarget.value)}),Y!==null&&(0,B.jsx)(o,{label:`Frequency`,value:R,error:W.frequency,onChange:e=>z(e.currentTarget.value),data:[{value:``,label:`The coupon's (${L[Y.frequency]})`},...V.map(e=>({value:e,label:L[e]}))]}),Y!==null&&Q===`RECURRING`&&(0,B.jsx)(d,{label:`Number of periods`,description:`How many billing periods it applies to; the coupon's: ${Y.frequencyDuration??`none`}; empty keeps it`,inputMode:`numeric`,value:H,error:W.frequencyDuration,onChange:e=>U(e.currentTarget.value)}),(0,B.jsxs)(t,{justify:`flex-end`,children:[(0,B.jsx)(c,{variant:`default`,onClick:i,children:`Cancel`}),(0,B.jsx)(c,{type:`submit`,loading:h.fetching,children:`Apply coupon`})]})]})})}function W(e){return e.coupon.couponType===`PERCENTAGE`?e.percentageRate===null||e.percentageRate===void 0?`—`:`${O(e.percentageRate)} %`:e.amountCents===null||e.amountCents===void 0||!e.amountCurrency?`—`:T(e.amountCents,e.amountCurrency)}function G(e){let t=L[e.frequency];return e.frequency!==`RECURRING`||e.frequencyDuration===null||e.frequencyDuration===void 0?t:`${t}, ${e.frequencyDuration} ${e.frequencyDuration===1?`period`:`periods`}`}function K(e){let t=[];if(e.amountCentsRemaining!==null&&e.amountCentsRemaining!==void 0&&e.amountCurrency&&t.push(T(e.amountCentsRemaining,e.amountCurrency)),e.frequency===`RECURRING`&&e.frequencyDurationRemaining!==null&&e.frequencyDurationRemaining!==void 0){let n=e.frequencyDurationRemaining;t.push(`${n} ${n===1?`period`:`periods`}`)}return t.length===0?`—`:t.join(`, `)}function q({customer:e}){let{permissions:o}=C(),d=(0,j.useMemo)(()=>({additionalTypenames:[`AppliedCoupon`]}),[]),[{data:h,fetching:g,error:y},w]=v({query:M,variables:{id:e.id},context:d}),[T,E]=_(F),[D,O]=(0,j.useState)(!1),[N,P]=(0,j.useState)(null),[L,V]=(0,j.useState)(null);if(g&&!h)return(0,B.jsx)(l,{p:`xl`,children:(0,B.jsx)(a,{"aria-label":`Loading the coupons`})});let U=h?.customer?.appliedCoupons;if(!U)return(0,B.jsx)(m,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:y?S(y):`There is no such customer.`});let q=k(o),J=U.some(e=>A(e,o));function Y(t){E({id:t.id}).then(n=>{w({requestPolicy:`network-only`}),n.error||(P(null),V(`${t.coupon.name} no longer applies to ${e.name}.`))})}return(0,B.jsxs)(s,{gap:`md`,children:[(0,B.jsxs)(t,{justify:`space-between`,children:[(0,B.jsx)(u,{order:2,size:`h3`,children:`Applied coupons`}),q&&(0,B.jsx)(c,{onClick:()=>{V(null),O(!0)},children:`Apply a coupon`})]}),L!==null&&(0,B.jsx)(p,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>V(null),closeButtonProps:{"aria-label":`Dismiss`},children:L}),U.length===0?(0,B.jsx)(r,{children:`No coupon applies to this customer.`}):(0,B.jsx)(f.ScrollContainer,{minWidth:880,children:(0,B.jsxs)(f,{striped:!0,"aria-label":`Applied coupons`,children:[(0,B.jsx)(f.Thead,{children:(0,B.jsxs)(f.Tr,{children:[(0,B.jsx)(f.Th,{scope:`col`,children:`Coupon`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Type`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Amount or percentage`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Frequency`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Remaining`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Status`}),(0,B.jsx)(f.Th,{scope:`col`,children:`Applied`}),J&&(0,B.jsx)(f.Th,{scope:`col`,children:`Actions`})]})}),(0,B.jsx)(f.Tbody,{children:U.map(e=>(0,B.jsxs)(f.Tr,{children:[(0,B.jsxs)(f.Td,{children:[(0,B.jsx)(r,{size:`sm`,fw:500,children:e.coupon.name}),(0,B.jsx)(r,{size:`xs`,c:`dimmed`,children:e.coupon.code})]}),(0,B.jsx)(f.Td,{children:I[e.coupon.couponType]}),(0,B.jsx)(f.Td,{children:W(e)}),(0,B.jsx)(f.Td,{children:G(e)}),(0,B.jsx)(f.Td,{children:K(e)}),(0,B.jsx)(f.Td,{children:(0,B.jsx)(n,{color:z[e.status],variant:`filled`,children:R[e.status]})}),(0,B.jsxs)(f.Td,{children:[b(e.createdAt),e.terminatedAt?` – ${b(e.terminatedAt)}`:``]}),J&&(0,B.jsx)(f.Td,{children:A(e,o)&&(0,B.jsx)(c,{size:`xs`,color:`red.9`,variant:`outline`,"aria-label":`Terminate ${e.coupon.name}`,onClick:()=>{V(null),P(e)},children:`Terminate`})})]},e.id))})]})}),q&&(0,B.jsx)(H,{opened:D,customer:e,currency:h.customer?.currency??e.currency,onClose:()=>O(!1),onApplied:t=>{O(!1),V(`${t} now applies to ${e.name}.`),w({requestPolicy:`network-only`})}}),(0,B.jsx)(i,{opened:N!==null,onClose:()=>P(null),title:N?`Terminate ${N.coupon.name}`:`Terminate the coupon`,closeButtonProps:{"aria-label":`Close`},children:N!==null&&(0,B.jsxs)(s,{children:[(0,B.jsxs)(r,{children:[N.coupon.name,` (`,N.coupon.code,`) will no longer apply to `,e.name,`; what is left of it is lost. Applied`,` `,x(N.createdAt),`.`]}),T.error&&(0,B.jsx)(m,{color:`red`,role:`alert`,title:`The coupon was not terminated`,children:S(T.error)}),(0,B.jsxs)(t,{justify:`flex-end`,children:[(0,B.jsx)(c,{variant:`default`,onClick:()=>P(null),children:`Cancel`}),(0,B.jsx)(c,{color:`red.9`,loading:T.fetching,onClick:()=>Y(N),children:`Terminate coupon`})]})]})})]})}export{q as default};