import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{S as t,T as n,h as r,i,o as a,p as o,u as s,w as c}from"./index-CNpGnLrq.js";import{t as l}from"./Badge-DSlzYsHJ.js";import{f as u,m as d,u as f}from"./theme-BOTZ9joL.js";import{t as p}from"./Modal-Dj2BR8oM.js";import{t as m}from"./Notification-D4LZs5f6.js";import{t as h}from"./Table-DiOPWGWE.js";import{d as g,i as _,t as v}from"./Text-BWWSvdEw.js";import{g as y,p as b}from"./react-DEpeCm3W.js";import{i as x,r as S}from"./graphql-D1XaHrt4.js";import{i as C,n as w,r as T,t as E}from"./format-B5t8BnP_.js";import{i as D,n as O,o as k,r as A}from"./money-CDJBJhyX.js";import{n as j,r as M}from"./actions-CDsLLInP.js";import{t as N}from"./InputBase-Bj4VFjnE.js";import{t as P}from"./TextInput-D8NzPrKe.js";var F=b();function I(e){return`group`in e}function L({data:e}){if(I(e)){let t=e.items.map(e=>(0,F.jsx)(L,{data:e},e.value));return(0,F.jsx)(`optgroup`,{label:e.group,children:t})}let{value:t,label:n,...r}=e;return(0,F.jsx)(`option`,{value:e.value,...r,children:e.label})}L.displayName=`@mantine/core/NativeSelectOption`;var R={size:`sm`,rightSectionPointerEvents:`none`},z=_(e=>{let{data:n,children:r,size:i,error:a,rightSection:o,unstyled:s,...l}=g([`Input`,`InputWrapper`,`NativeSelect`],R,e),u=c(n).map((e,t)=>(0,F.jsx)(L,{data:e},t));return(0,F.jsx)(N,{component:`select`,...l,__staticSelector:`NativeSelect`,size:i,pointer:!0,error:a,unstyled:s,rightSection:o||(0,F.jsx)(t,{size:i,error:a,unstyled:s}),children:r||u})});z.classes=N.classes,z.displayName=`@mantine/core/NativeSelect`;var B=e(y(),1),V=a(`
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
`),H=a(`
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
`),U=a(`
  mutation CreateAppliedCoupon($input: CreateAppliedCouponInput!) {
    createAppliedCoupon(input: $input) {
      id
      status
    }
  }
`),W=a(`
  mutation TerminateAppliedCoupon($id: ID!) {
    terminateAppliedCoupon(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`),G={FIXED_AMOUNT:`Fixed amount`,PERCENTAGE:`Percentage`},K={ONCE:`Once`,RECURRING:`Recurring`,FOREVER:`Forever`},q={ACTIVE:`Active`,TERMINATED:`Terminated`},J={ACTIVE:`teal.9`,TERMINATED:`gray.7`},ee=[`ONCE`,`RECURRING`,`FOREVER`];function Y({opened:e,customer:t,currency:n,onClose:r,onApplied:i}){return(0,F.jsx)(p,{opened:e,onClose:r,title:`Apply a coupon to ${t.name}`,closeButtonProps:{"aria-label":`Close`},size:`lg`,children:e&&(0,F.jsx)(X,{customer:t,currency:n,onClose:r,onApplied:i})})}function X({customer:e,currency:t,onClose:i,onApplied:a}){let[{data:o,fetching:c,error:l}]=x({query:H}),[f,p]=S(U),[m,h]=(0,B.useState)(``),[g,_]=(0,B.useState)(``),[y,b]=(0,B.useState)(``),[w,T]=(0,B.useState)(``),[j,M]=(0,B.useState)(``),[N,I]=(0,B.useState)(``),[L,R]=(0,B.useState)({}),[V,W]=(0,B.useState)(null);if(c&&!o)return(0,F.jsx)(d,{"aria-label":`Loading the coupons to apply`});let q=(o?.coupons?.collection??[]).filter(e=>e.status===`ACTIVE`);if(!o?.coupons)return(0,F.jsx)(n,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:l?E(l):`Try again.`});if(q.length===0)return(0,F.jsx)(v,{children:`The organization has no coupon that can be applied.`});let J=q.find(e=>e.id===m)??null,Y=J?.couponType===`FIXED_AMOUNT`,X=y.trim().toUpperCase()||J?.amountCurrency||t||`EUR`,Z=j===``?J?.frequency:j,Q=J?.amountCents!==null&&J?.amountCents!==void 0&&J.amountCurrency?D(J.amountCents,J.amountCurrency):null;function $(t){t.preventDefault(),W(null);let n={};J===null&&(n.couponId=`Choose a coupon`);let r={customerId:e.id,couponId:m};if(Y&&g.trim()!==``){let e=O(g,X);e===null?n.amountCents=`Enter an amount such as ${k(1250,X)}`:r.amountCents=e}if(Y&&y.trim()!==``&&(r.amountCurrency=y.trim().toUpperCase()),!Y&&w.trim()!==``&&(r.percentageRate=w.trim()),j!==``&&(r.frequency=j),Z===`RECURRING`&&N.trim()!==``&&(/^\d+$/.test(N.trim())?r.frequencyDuration=Number(N.trim()):n.frequencyDuration=`Enter a whole number of periods`),R(n),Object.keys(n).length>0||J===null)return;let i=J.name;p({input:r}).then(e=>{if(!e.error){a(i);return}let t=C(e.error),n=[`couponId`,`amountCents`,`amountCurrency`,`percentageRate`,`frequency`,`frequencyDuration`];R(t),Object.keys(t).some(e=>n.includes(e))||W(E(e.error))})}return(0,F.jsx)(`form`,{onSubmit:$,noValidate:!0,children:(0,F.jsxs)(s,{children:[V!==null&&(0,F.jsx)(n,{color:`red`,role:`alert`,title:`The coupon was not applied`,children:V}),(0,F.jsx)(z,{label:`Coupon`,withAsterisk:!0,value:m,error:L.couponId,onChange:e=>{h(e.currentTarget.value),R({})},data:[{value:``,label:`Choose a coupon`},...q.map(e=>({value:e.id,label:`${e.name} (${e.code}) · ${G[e.couponType]}`}))]}),J!==null&&Y&&(0,F.jsxs)(u,{grow:!0,align:`flex-start`,children:[(0,F.jsx)(P,{label:`Amount`,description:`The coupon's: ${Q??`none`}; empty keeps it`,inputMode:`decimal`,value:g,error:L.amountCents,onChange:e=>_(e.currentTarget.value)}),(0,F.jsx)(P,{label:`Currency`,description:`Empty keeps the coupon's (${J.amountCurrency??`none`})`,maxLength:3,value:y,error:L.amountCurrency,onChange:e=>b(e.currentTarget.value)})]}),J!==null&&!Y&&(0,F.jsx)(P,{label:`Percentage`,description:`Percent off; the coupon's: ${J.percentageRate?`${A(J.percentageRate)} %`:`none`}; empty keeps it`,inputMode:`decimal`,value:w,error:L.percentageRate,onChange:e=>T(e.currentTarget.value)}),J!==null&&(0,F.jsx)(z,{label:`Frequency`,value:j,error:L.frequency,onChange:e=>M(e.currentTarget.value),data:[{value:``,label:`The coupon's (${K[J.frequency]})`},...ee.map(e=>({value:e,label:K[e]}))]}),J!==null&&Z===`RECURRING`&&(0,F.jsx)(P,{label:`Number of periods`,description:`How many billing periods it applies to; the coupon's: ${J.frequencyDuration??`none`}; empty keeps it`,inputMode:`numeric`,value:N,error:L.frequencyDuration,onChange:e=>I(e.currentTarget.value)}),(0,F.jsxs)(u,{justify:`flex-end`,children:[(0,F.jsx)(r,{variant:`default`,onClick:i,children:`Cancel`}),(0,F.jsx)(r,{type:`submit`,loading:f.fetching,children:`Apply coupon`})]})]})})}function Z(e){return e.coupon.couponType===`PERCENTAGE`?e.percentageRate===null||e.percentageRate===void 0?`—`:`${A(e.percentageRate)} %`:e.amountCents===null||e.amountCents===void 0||!e.amountCurrency?`—`:D(e.amountCents,e.amountCurrency)}function Q(e){let t=K[e.frequency];return e.frequency!==`RECURRING`||e.frequencyDuration===null||e.frequencyDuration===void 0?t:`${t}, ${e.frequencyDuration} ${e.frequencyDuration===1?`period`:`periods`}`}function $(e){let t=[];if(e.amountCentsRemaining!==null&&e.amountCentsRemaining!==void 0&&e.amountCurrency&&t.push(D(e.amountCentsRemaining,e.amountCurrency)),e.frequency===`RECURRING`&&e.frequencyDurationRemaining!==null&&e.frequencyDurationRemaining!==void 0){let n=e.frequencyDurationRemaining;t.push(`${n} ${n===1?`period`:`periods`}`)}return t.length===0?`—`:t.join(`, `)}function te({customer:e}){let{permissions:t}=i(),a=(0,B.useMemo)(()=>({additionalTypenames:[`AppliedCoupon`]}),[]),[{data:c,fetching:g,error:_},y]=x({query:V,variables:{id:e.id},context:a}),[b,C]=S(W),[D,O]=(0,B.useState)(!1),[k,A]=(0,B.useState)(null),[N,P]=(0,B.useState)(null);if(g&&!c)return(0,F.jsx)(o,{p:`xl`,children:(0,F.jsx)(d,{"aria-label":`Loading the coupons`})});let I=c?.customer?.appliedCoupons;if(!I)return(0,F.jsx)(n,{color:`red`,role:`alert`,title:`The coupons could not be loaded`,children:_?E(_):`There is no such customer.`});let L=j(t),R=I.some(e=>M(e,t));function z(t){C({id:t.id}).then(n=>{y({requestPolicy:`network-only`}),n.error||(A(null),P(`${t.coupon.name} no longer applies to ${e.name}.`))})}return(0,F.jsxs)(s,{gap:`md`,children:[(0,F.jsxs)(u,{justify:`space-between`,children:[(0,F.jsx)(f,{order:2,size:`h3`,children:`Applied coupons`}),L&&(0,F.jsx)(r,{onClick:()=>{P(null),O(!0)},children:`Apply a coupon`})]}),N!==null&&(0,F.jsx)(m,{color:`green`,title:`Done`,role:`status`,withBorder:!0,onClose:()=>P(null),closeButtonProps:{"aria-label":`Dismiss`},children:N}),I.length===0?(0,F.jsx)(v,{children:`No coupon applies to this customer.`}):(0,F.jsx)(h.ScrollContainer,{minWidth:880,children:(0,F.jsxs)(h,{striped:!0,"aria-label":`Applied coupons`,children:[(0,F.jsx)(h.Thead,{children:(0,F.jsxs)(h.Tr,{children:[(0,F.jsx)(h.Th,{scope:`col`,children:`Coupon`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Type`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Amount or percentage`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Frequency`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Remaining`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Status`}),(0,F.jsx)(h.Th,{scope:`col`,children:`Applied`}),R&&(0,F.jsx)(h.Th,{scope:`col`,children:`Actions`})]})}),(0,F.jsx)(h.Tbody,{children:I.map(e=>(0,F.jsxs)(h.Tr,{children:[(0,F.jsxs)(h.Td,{children:[(0,F.jsx)(v,{size:`sm`,fw:500,children:e.coupon.name}),(0,F.jsx)(v,{size:`xs`,c:`dimmed`,children:e.coupon.code})]}),(0,F.jsx)(h.Td,{children:G[e.coupon.couponType]}),(0,F.jsx)(h.Td,{children:Z(e)}),(0,F.jsx)(h.Td,{children:Q(e)}),(0,F.jsx)(h.Td,{children:$(e)}),(0,F.jsx)(h.Td,{children:(0,F.jsx)(l,{color:J[e.status],variant:`filled`,children:q[e.status]})}),(0,F.jsxs)(h.Td,{children:[w(e.createdAt),e.terminatedAt?` – ${w(e.terminatedAt)}`:``]}),R&&(0,F.jsx)(h.Td,{children:M(e,t)&&(0,F.jsx)(r,{size:`xs`,color:`red.9`,variant:`outline`,"aria-label":`Terminate ${e.coupon.name}`,onClick:()=>{P(null),A(e)},children:`Terminate`})})]},e.id))})]})}),L&&(0,F.jsx)(Y,{opened:D,customer:e,currency:c.customer?.currency??e.currency,onClose:()=>O(!1),onApplied:t=>{O(!1),P(`${t} now applies to ${e.name}.`),y({requestPolicy:`network-only`})}}),(0,F.jsx)(p,{opened:k!==null,onClose:()=>A(null),title:k?`Terminate ${k.coupon.name}`:`Terminate the coupon`,closeButtonProps:{"aria-label":`Close`},children:k!==null&&(0,F.jsxs)(s,{children:[(0,F.jsxs)(v,{children:[k.coupon.name,` (`,k.coupon.code,`) will no longer apply to `,e.name,`; what is left of it is lost. Applied`,` `,T(k.createdAt),`.`]}),b.error&&(0,F.jsx)(n,{color:`red`,role:`alert`,title:`The coupon was not terminated`,children:E(b.error)}),(0,F.jsxs)(u,{justify:`flex-end`,children:[(0,F.jsx)(r,{variant:`default`,onClick:()=>A(null),children:`Cancel`}),(0,F.jsx)(r,{color:`red.9`,loading:b.fetching,onClick:()=>z(k),children:`Terminate coupon`})]})]})})]})}export{te as default};