import{n as e}from"./rolldown-runtime-WkwZ5CU-.js";import{A as t,C as n,S as r,T as i,i as a,m as o,n as s,r as c,t as l}from"./mantine-BSfqEgLu.js";import{d as u,m as d,u as f}from"./react-iNYZ50gL.js";import{i as p}from"./graphql-DY4-PSTx.js";import{t as m}from"./gql-D9t4YNPX.js";import{t as h}from"./PagePicker-Dtjwr96Y.js";var g=e(d(),1),_=m(`
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
`),v=u(),y=50;function b(e){let t=Number(e??`1`);return Number.isInteger(t)&&t>=1?t:1}var x=new Intl.DateTimeFormat(void 0,{dateStyle:`medium`});function S(){let[e,u]=f(),d=b(e.get(`page`)),m=e.get(`q`)??``,[y,S]=(0,g.useState)(m),[C]=t(y.trim(),300);(0,g.useEffect)(()=>{if(C===m)return;let t=new URLSearchParams(e);C===``?t.delete(`q`):t.set(`q`,C),t.delete(`page`),u(t,{replace:!0})},[C,m,e,u]);let[{data:w,fetching:T,error:E}]=p({query:_,variables:{page:d,limit:50,searchTerm:m===``?null:m}}),D=w?.customers,O=D?.metadata;function k(t){let n=new URLSearchParams(e);t<=1?n.delete(`page`):n.set(`page`,String(t)),u(n)}return(0,v.jsxs)(a,{gap:`md`,children:[(0,v.jsx)(l,{order:1,children:`Customers`}),(0,v.jsx)(s,{label:`Search customers`,description:`Name, external id or email`,type:`search`,maw:420,value:y,onChange:e=>S(e.currentTarget.value)}),E&&!w&&(0,v.jsx)(n,{color:`red`,title:`The customers could not be loaded`,role:`alert`,children:E.message}),!D&&T&&(0,v.jsx)(o,{p:`xl`,children:(0,v.jsx)(i,{"aria-label":`Loading customers`})}),D&&(0,v.jsxs)(v.Fragment,{children:[(0,v.jsx)(r,{size:`sm`,"aria-live":`polite`,children:O&&O.totalCount===0?m===``?`No customers yet.`:`No customer matches “${m}”.`:`${O?.totalCount??0} customers${m===``?``:` matching “${m}”`}`}),D.collection.length>0&&(0,v.jsx)(c.ScrollContainer,{minWidth:640,children:(0,v.jsxs)(c,{striped:!0,highlightOnHover:!0,"aria-label":`Customers`,children:[(0,v.jsx)(c.Thead,{children:(0,v.jsxs)(c.Tr,{children:[(0,v.jsx)(c.Th,{scope:`col`,children:`Name`}),(0,v.jsx)(c.Th,{scope:`col`,children:`External id`}),(0,v.jsx)(c.Th,{scope:`col`,children:`Email`}),(0,v.jsx)(c.Th,{scope:`col`,children:`Currency`}),(0,v.jsx)(c.Th,{scope:`col`,children:`Created`})]})}),(0,v.jsx)(c.Tbody,{children:D.collection.map(e=>(0,v.jsxs)(c.Tr,{children:[(0,v.jsx)(c.Td,{children:e.name}),(0,v.jsx)(c.Td,{children:e.externalId}),(0,v.jsx)(c.Td,{children:e.email??`—`}),(0,v.jsx)(c.Td,{children:e.currency??`—`}),(0,v.jsx)(c.Td,{children:x.format(new Date(e.createdAt))})]},e.id))})]})}),(0,v.jsx)(h,{metadata:O,label:`Customer`,onChange:k})]})]})}export{y as PAGE_SIZE,S as default};