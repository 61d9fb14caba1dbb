import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{C as t,E as n,I as r,L as i,M as a,N as o,P as s,a as c,c as l,k as u,n as d,o as f,s as p,t as m,w as h}from"./mantine-CZXpRZcI.js";import{d as g,m as _,u as v}from"./react-NbSbU0Yf.js";import{i as y}from"./graphql-crtUrLD5.js";import{r as b,t as x}from"./format-B5t8BnP_.js";import{c as S,i as C,n as w}from"./index-BRDqB1-b.js";import{t as T}from"./PagePicker-DrWMKlRs.js";import{n as E,r as D}from"./actions-B6Dnj3ek.js";var O=e(_(),1),k=S(`
  query AuditLogs(
    $page: Int
    $limit: Int
    $operation: String
    $objectType: String
    $objectId: ID
    $actorUserId: ID
    $actorApiKeyId: ID
    $fromTime: DateTime
    $toTime: DateTime
    $withUser: Boolean!
  ) {
    auditLogs(
      page: $page
      limit: $limit
      operation: $operation
      objectType: $objectType
      objectId: $objectId
      actorUserId: $actorUserId
      actorApiKeyId: $actorApiKeyId
      fromTime: $fromTime
      toTime: $toTime
    ) {
      collection {
        id
        createdAt
        operation
        objectType
        objectId
        actorType
        actorUserId
        actorApiKeyId
        requestId
        changes
        actorUser @include(if: $withUser) {
          id
          email
        }
      }
      metadata {
        currentPage
        limitValue
        totalCount
        totalPages
      }
    }
  }
`),A=S(`
  query AuditActors($withMembers: Boolean!, $withKeys: Boolean!) {
    organization @include(if: $withMembers) {
      id
      members {
        id
        user {
          id
          email
        }
      }
    }
    apiKeys @include(if: $withKeys) {
      id
      name
      prefix
    }
  }
`),j=g();function M({value:e,onChange:t}){let{permissions:n}=C(),r=D(n),i=E(n),[{data:a}]=y({query:A,variables:{withMembers:r,withKeys:i},pause:!r&&!i}),o=(a?.organization?.members??[]).map(e=>({value:`user:${e.user.id}`,label:e.user.email})),s=(a?.apiKeys??[]).map(e=>({value:`key:${e.id}`,label:`${e.name} (${e.prefix}…)`})),c=[...o.length?[{group:`People`,items:o}]:[],...s.length?[{group:`API keys`,items:s}]:[]],u=[...o,...s].some(t=>t.value===e),d=e!==null&&!u?[{group:`Chosen`,items:[{value:e,label:e.replace(/^user:/,`Member `).replace(/^key:/,`API key `)}]}]:[];return(0,j.jsx)(l,{label:`Actor`,placeholder:`Anyone`,data:[...d,...c],value:e,onChange:t,clearable:!0,searchable:!0,nothingFoundMessage:`No actor matches`})}function N(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.changes==`object`):[]}function P({value:e}){return e===`[REDACTED]`?(0,j.jsx)(u,{color:`gray.8`,variant:`filled`,children:`Redacted`}):e==null?(0,j.jsx)(o,{span:!0,c:`dimmed`,children:`—`}):typeof e==`string`?(0,j.jsx)(o,{span:!0,children:e}):(0,j.jsx)(t,{children:JSON.stringify(e)})}function F(e,t){return e===`update`&&Array.isArray(t)&&t.length===2?[t[0],t[1]]:e===`delete`?[t,void 0]:[void 0,t]}function I({changes:e,label:t}){let n=N(e);return n.length===0?(0,j.jsx)(o,{size:`sm`,children:`No recorded change.`}):(0,j.jsx)(f,{gap:`sm`,children:n.map((e,n)=>(0,j.jsxs)(c,{"aria-label":`${t}: ${e.action} ${e.type}`,withTableBorder:!0,children:[(0,j.jsxs)(c.Caption,{children:[e.action,` `,e.type,` `,e.id??``]}),(0,j.jsx)(c.Thead,{children:(0,j.jsxs)(c.Tr,{children:[(0,j.jsx)(c.Th,{scope:`col`,children:`Field`}),(0,j.jsx)(c.Th,{scope:`col`,children:`Before`}),(0,j.jsx)(c.Th,{scope:`col`,children:`After`})]})}),(0,j.jsx)(c.Tbody,{children:Object.entries(e.changes).map(([t,n])=>{let[r,i]=F(e.action,n);return(0,j.jsxs)(c.Tr,{children:[(0,j.jsx)(c.Th,{scope:`row`,fw:400,children:t}),(0,j.jsx)(c.Td,{children:(0,j.jsx)(P,{value:r})}),(0,j.jsx)(c.Td,{children:(0,j.jsx)(P,{value:i})})]},t)})})]},`${e.type}-${e.id??n}`))})}var L=25,R=/^\d{4}-\d{2}-\d{2}$/,z=[{name:`operation`,label:`Operation`,description:`A mutation's name, e.g. createApiKey`},{name:`objectType`,label:`Object type`,description:`e.g. Invoice, Customer, ApiKey`},{name:`objectId`,label:`Object id`,description:``}];function B({label:e,description:t,value:n,onCommit:r}){let[i,a]=(0,O.useState)(n),[o,s]=(0,O.useState)(n);return o!==n&&(s(n),a(n)),(0,j.jsx)(d,{label:e,description:t||void 0,value:i,onChange:e=>a(e.currentTarget.value),onBlur:()=>r(i.trim()),onKeyDown:e=>{e.key===`Enter`&&r(i.trim())}})}function V(){let{permissions:e,userId:t}=C();w(`Audit log`);let[l,g]=v(),[_,S]=(0,O.useState)(null),E=Math.max(1,Number(l.get(`page`)??`1`)||1),A=l.get(`actor`),N=R.test(l.get(`from`)??``)?l.get(`from`):null,P=R.test(l.get(`to`)??``)?l.get(`to`):null,F=e=>l.get(e)||null,V=D(e),[{data:H,fetching:U,error:W}]=y({query:k,variables:{page:E,limit:L,operation:F(`operation`),objectType:F(`objectType`),objectId:F(`objectId`),actorUserId:A?.startsWith(`user:`)?A.slice(5):null,actorApiKeyId:A?.startsWith(`key:`)?A.slice(4):null,fromTime:N?`${N}T00:00:00Z`:null,toTime:P?`${P}T23:59:59.999Z`:null,withUser:V}}),G=H?.auditLogs,K=[`actor`,`operation`,`objectType`,`objectId`,`from`,`to`].some(e=>l.get(e));function q(e,t){let n=new URLSearchParams(l);t===null||t===``?n.delete(e):n.set(e,t),e!==`page`&&n.delete(`page`),g(n)}let J=e=>e.actorType===`API_KEY`?`API key ${e.actorApiKeyId??``}`:`${e.actorUser?.email??`Member ${e.actorUserId??``}`}${e.actorUserId===t?` (you)`:``}`;return(0,j.jsxs)(f,{gap:`md`,children:[(0,j.jsx)(m,{order:1,children:`Audit log`}),(0,j.jsxs)(p,{cols:{base:1,sm:2,lg:3},children:[(0,j.jsx)(M,{value:A,onChange:e=>q(`actor`,e)}),z.map(e=>(0,j.jsx)(B,{label:e.label,description:e.description,value:l.get(e.name)??``,onCommit:t=>q(e.name,t)},e.name)),(0,j.jsx)(d,{label:`From`,type:`date`,value:N??``,onChange:e=>q(`from`,e.currentTarget.value)}),(0,j.jsx)(d,{label:`To`,type:`date`,value:P??``,onChange:e=>q(`to`,e.currentTarget.value)})]}),K&&(0,j.jsx)(r,{children:(0,j.jsx)(n,{variant:`subtle`,onClick:()=>g(new URLSearchParams),children:`Clear filters`})}),W&&!H&&(0,j.jsx)(s,{color:`red`,role:`alert`,title:`The audit log could not be loaded`,children:x(W)}),!G&&U&&(0,j.jsx)(h,{p:`xl`,children:(0,j.jsx)(i,{role:`status`,"aria-label":`Loading the audit log`})}),G&&(0,j.jsx)(o,{size:`sm`,"aria-live":`polite`,children:G.metadata.totalCount===0?`No entry matches.`:`${G.metadata.totalCount} entries${K?` matching these filters`:``}`}),G&&G.collection.length>0&&(0,j.jsx)(c.ScrollContainer,{minWidth:880,children:(0,j.jsxs)(c,{"aria-label":`Audit log`,children:[(0,j.jsx)(c.Thead,{children:(0,j.jsxs)(c.Tr,{children:[(0,j.jsx)(c.Th,{scope:`col`,children:`When`}),(0,j.jsx)(c.Th,{scope:`col`,children:`Actor`}),(0,j.jsx)(c.Th,{scope:`col`,children:`Operation`}),(0,j.jsx)(c.Th,{scope:`col`,children:`Object`}),(0,j.jsx)(c.Th,{scope:`col`,children:`Changes`})]})}),(0,j.jsx)(c.Tbody,{children:G.collection.map(e=>(0,j.jsxs)(O.Fragment,{children:[(0,j.jsxs)(c.Tr,{children:[(0,j.jsx)(c.Td,{children:b(e.createdAt)}),(0,j.jsxs)(c.Td,{children:[(0,j.jsx)(u,{color:e.actorType===`API_KEY`?`violet.9`:`blue.9`,variant:`filled`,mr:`xs`,children:e.actorType===`API_KEY`?`Key`:`Person`}),J(e)]}),(0,j.jsx)(c.Td,{children:(0,j.jsx)(a,{component:`button`,type:`button`,onClick:()=>q(`operation`,e.operation),children:e.operation})}),(0,j.jsxs)(c.Td,{children:[e.objectType??`—`,e.objectId&&(0,j.jsx)(o,{size:`xs`,c:`dimmed`,children:e.objectId})]}),(0,j.jsx)(c.Td,{children:(0,j.jsx)(n,{size:`xs`,variant:`default`,"aria-expanded":_===e.id,"aria-label":`${_===e.id?`Hide`:`Show`} changes of ${e.operation}`,onClick:()=>S(_===e.id?null:e.id),children:_===e.id?`Hide`:`Show`})})]}),_===e.id&&(0,j.jsx)(c.Tr,{children:(0,j.jsxs)(c.Td,{colSpan:5,children:[(0,j.jsx)(I,{changes:e.changes,label:`Changes of ${e.operation}`}),e.requestId&&(0,j.jsxs)(o,{size:`xs`,c:`dimmed`,mt:`xs`,children:[`Request `,e.requestId]})]})})]},e.id))})]})}),(0,j.jsx)(T,{metadata:G?.metadata,label:`Audit log`,onChange:e=>q(`page`,e<=1?null:String(e))})]})}export{V as default};