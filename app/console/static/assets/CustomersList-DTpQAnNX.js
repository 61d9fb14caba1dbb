import{n as e}from"./rolldown-runtime-WkwZ5CU-.js";import{A as t,C as n,S as r,T as i,c as a,i as o,m as s,n as c,r as l,t as u,w as d}from"./mantine-BSfqEgLu.js";import{d as f,m as p,u as m}from"./react-iNYZ50gL.js";import{i as h}from"./graphql-DY4-PSTx.js";import{t as g}from"./gql-D9t4YNPX.js";var _=e(p(),1),v=g(`
  query Customers($page: Int, $limit: Int, $searchTerm: String) {
    customers(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        id
        externalId
        name
        email
        currency
        createdAt
      }
      metadata {
        currentPage
        limitValue
        totalCount
        totalPages
      }
    }
  }
`),y=f(),b=50;function x(e){let t=Number(e??`1`);return Number.isInteger(t)&&t>=1?t:1}var S=new Intl.DateTimeFormat(void 0,{dateStyle:`medium`});function C(){let[e,f]=m(),p=x(e.get(`page`)),g=e.get(`q`)??``,[b,C]=(0,_.useState)(g),[w]=t(b.trim(),300);(0,_.useEffect)(()=>{if(w===g)return;let t=new URLSearchParams(e);w===``?t.delete(`q`):t.set(`q`,w),t.delete(`page`),f(t,{replace:!0})},[w,g,e,f]);let[{data:T,fetching:E,error:D}]=h({query:v,variables:{page:p,limit:50,searchTerm:g===``?null:g}}),O=T?.customers,k=O?.metadata;function A(t){let n=new URLSearchParams(e);t<=1?n.delete(`page`):n.set(`page`,String(t)),f(n)}return(0,y.jsxs)(o,{gap:`md`,children:[(0,y.jsx)(u,{order:1,children:`Customers`}),(0,y.jsx)(c,{label:`Search customers`,description:`Name, external id or email`,type:`search`,maw:420,value:b,onChange:e=>C(e.currentTarget.value)}),D&&!T&&(0,y.jsx)(n,{color:`red`,title:`The customers could not be loaded`,role:`alert`,children:D.message}),!O&&E&&(0,y.jsx)(s,{p:`xl`,children:(0,y.jsx)(i,{"aria-label":`Loading customers`})}),O&&(0,y.jsxs)(y.Fragment,{children:[(0,y.jsx)(r,{size:`sm`,"aria-live":`polite`,children:k&&k.totalCount===0?g===``?`No customers yet.`:`No customer matches “${g}”.`:`${k?.totalCount??0} customers${g===``?``:` matching “${g}”`}`}),O.collection.length>0&&(0,y.jsx)(l.ScrollContainer,{minWidth:640,children:(0,y.jsxs)(l,{striped:!0,highlightOnHover:!0,"aria-label":`Customers`,children:[(0,y.jsx)(l.Thead,{children:(0,y.jsxs)(l.Tr,{children:[(0,y.jsx)(l.Th,{scope:`col`,children:`Name`}),(0,y.jsx)(l.Th,{scope:`col`,children:`External id`}),(0,y.jsx)(l.Th,{scope:`col`,children:`Email`}),(0,y.jsx)(l.Th,{scope:`col`,children:`Currency`}),(0,y.jsx)(l.Th,{scope:`col`,children:`Created`})]})}),(0,y.jsx)(l.Tbody,{children:O.collection.map(e=>(0,y.jsxs)(l.Tr,{children:[(0,y.jsx)(l.Td,{children:e.name}),(0,y.jsx)(l.Td,{children:e.externalId}),(0,y.jsx)(l.Td,{children:e.email??`—`}),(0,y.jsx)(l.Td,{children:e.currency??`—`}),(0,y.jsx)(l.Td,{children:S.format(new Date(e.createdAt))})]},e.id))})]})}),k&&k.totalPages>1&&(0,y.jsxs)(d,{justify:`space-between`,children:[(0,y.jsxs)(r,{size:`sm`,children:[`Page `,k.currentPage,` of `,k.totalPages]}),(0,y.jsx)(a,{total:k.totalPages,value:k.currentPage,onChange:A,"aria-label":`Customer pages`,getItemProps:e=>({"aria-label":`Page ${e}`}),getControlProps:e=>({"aria-label":{first:`First page`,previous:`Previous page`,next:`Next page`,last:`Last page`}[e]})})]})]})]})}export{b as PAGE_SIZE,C as default};