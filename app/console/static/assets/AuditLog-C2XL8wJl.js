import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{T as t,d as n,h as r,i,n as a,o,p as s,u as c}from"./index-BXS-dpZZ.js";import{d as l,f as u,m as d,u as f}from"./theme-BOTZ9joL.js";import{t as p}from"./Badge-DSlzYsHJ.js";import{t as m}from"./SimpleGrid-DY8FCpIm.js";import{t as h}from"./Table-BICBfOfW.js";import{t as g}from"./Text-BWWSvdEw.js";import{t as _}from"./TextInput-D8NzPrKe.js";import{f as v,g as y,p as b}from"./react-DEpeCm3W.js";import{i as x}from"./graphql-D1XaHrt4.js";import{r as S,t as C}from"./format-B5t8BnP_.js";import{t as w}from"./PagePicker-Di-atO8c.js";import{n as T,r as E}from"./actions-B6Dnj3ek.js";import{t as D}from"./Code-CmJn36Bx.js";var O=e(y(),1),k=o(`
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
`),A=o(`
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
`),j=b();function M({value:e,onChange:t}){let{permissions:r}=i(),a=E(r),o=T(r),[{data:s}]=x({query:A,variables:{withMembers:a,withKeys:o},pause:!a&&!o}),c=(s?.organization?.members??[]).map(e=>({value:`user:${e.user.id}`,label:e.user.email})),l=(s?.apiKeys??[]).map(e=>({value:`key:${e.id}`,label:`${e.name} (${e.prefix}…)`})),u=[...c.length?[{group:`People`,items:c}]:[],...l.length?[{group:`API keys`,items:l}]:[]],d=[...c,...l].some(t=>t.value===e),f=e!==null&&!d?[{group:`Chosen`,items:[{value:e,label:e.replace(/^user:/,`Member `).replace(/^key:/,`API key `)}]}]:[];return(0,j.jsx)(n,{label:`Actor`,placeholder:`Anyone`,data:[...f,...u],value:e,onChange:t,clearable:!0,searchable:!0,nothingFoundMessage:`No actor matches`})}function N(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.changes==`object`):[]}function P({value:e}){return e===`[REDACTED]`?(0,j.jsx)(p,{color:`gray.8`,variant:`filled`,children:`Redacted`}):e==null?(0,j.jsx)(g,{span:!0,c:`dimmed`,children:`—`}):typeof e==`string`?(0,j.jsx)(g,{span:!0,children:e}):(0,j.jsx)(D,{children:JSON.stringify(e)})}function F(e,t){return e===`update`&&Array.isArray(t)&&t.length===2?[t[0],t[1]]:e===`delete`?[t,void 0]:[void 0,t]}function I({changes:e,label:t}){let n=N(e);return n.length===0?(0,j.jsx)(g,{size:`sm`,children:`No recorded change.`}):(0,j.jsx)(c,{gap:`sm`,children:n.map((e,n)=>(0,j.jsxs)(h,{"aria-label":`${t}: ${e.action} ${e.type}`,withTableBorder:!0,children:[(0,j.jsxs)(h.Caption,{children:[e.action,` `,e.type,` `,e.id??``]}),(0,j.jsx)(h.Thead,{children:(0,j.jsxs)(h.Tr,{children:[(0,j.jsx)(h.Th,{scope:`col`,children:`Field`}),(0,j.jsx)(h.Th,{scope:`col`,children:`Before`}),(0,j.jsx)(h.Th,{scope:`col`,children:`After`})]})}),(0,j.jsx)(h.Tbody,{children:Object.entries(e.changes).map(([t,n])=>{let[r,i]=F(e.action,n);return(0,j.jsxs)(h.Tr,{children:[(0,j.jsx)(h.Th,{scope:`row`,fw:400,children:t}),(0,j.jsx)(h.Td,{children:(0,j.jsx)(P,{value:r})}),(0,j.jsx)(h.Td,{children:(0,j.jsx)(P,{value:i})})]},t)})})]},`${e.type}-${e.id??n}`))})}var L=25,R=/^\d{4}-\d{2}-\d{2}$/,z=[{name:`operation`,label:`Operation`,description:`A mutation's name, e.g. createApiKey`},{name:`objectType`,label:`Object type`,description:`e.g. Invoice, Customer, ApiKey`},{name:`objectId`,label:`Object id`,description:``}];function B({label:e,description:t,value:n,onCommit:r}){let[i,a]=(0,O.useState)(n),[o,s]=(0,O.useState)(n);return o!==n&&(s(n),a(n)),(0,j.jsx)(_,{label:e,description:t||void 0,value:i,onChange:e=>a(e.currentTarget.value),onBlur:()=>r(i.trim()),onKeyDown:e=>{e.key===`Enter`&&r(i.trim())}})}function V(){let{permissions:e,userId:n}=i();a(`Audit log`);let[o,y]=v(),[b,T]=(0,O.useState)(null),D=Math.max(1,Number(o.get(`page`)??`1`)||1),A=o.get(`actor`),N=R.test(o.get(`from`)??``)?o.get(`from`):null,P=R.test(o.get(`to`)??``)?o.get(`to`):null,F=e=>o.get(e)||null,V=E(e),[{data:H,fetching:U,error:W}]=x({query:k,variables:{page:D,limit:L,operation:F(`operation`),objectType:F(`objectType`),objectId:F(`objectId`),actorUserId:A?.startsWith(`user:`)?A.slice(5):null,actorApiKeyId:A?.startsWith(`key:`)?A.slice(4):null,fromTime:N?`${N}T00:00:00Z`:null,toTime:P?`${P}T23:59:59.999Z`:null,withUser:V}}),G=H?.auditLogs,K=[`actor`,`operation`,`objectType`,`objectId`,`from`,`to`].some(e=>o.get(e));function q(e,t){let n=new URLSearchParams(o);t===null||t===``?n.delete(e):n.set(e,t),e!==`page`&&n.delete(`page`),y(n)}let J=e=>e.actorType===`API_KEY`?`API key ${e.actorApiKeyId??``}`:`${e.actorUser?.email??`Member ${e.actorUserId??``}`}${e.actorUserId===n?` (you)`:``}`;return(0,j.jsxs)(c,{gap:`md`,children:[(0,j.jsx)(f,{order:1,children:`Audit log`}),(0,j.jsxs)(m,{cols:{base:1,sm:2,lg:3},children:[(0,j.jsx)(M,{value:A,onChange:e=>q(`actor`,e)}),z.map(e=>(0,j.jsx)(B,{label:e.label,description:e.description,value:o.get(e.name)??``,onCommit:t=>q(e.name,t)},e.name)),(0,j.jsx)(_,{label:`From`,type:`date`,value:N??``,onChange:e=>q(`from`,e.currentTarget.value)}),(0,j.jsx)(_,{label:`To`,type:`date`,value:P??``,onChange:e=>q(`to`,e.currentTarget.value)})]}),K&&(0,j.jsx)(u,{children:(0,j.jsx)(r,{variant:`subtle`,onClick:()=>y(new URLSearchParams),children:`Clear filters`})}),W&&!H&&(0,j.jsx)(t,{color:`red`,role:`alert`,title:`The audit log could not be loaded`,children:C(W)}),!G&&U&&(0,j.jsx)(s,{p:`xl`,children:(0,j.jsx)(d,{role:`status`,"aria-label":`Loading the audit log`})}),G&&(0,j.jsx)(g,{size:`sm`,"aria-live":`polite`,children:G.metadata.totalCount===0?`No entry matches.`:`${G.metadata.totalCount} entries${K?` matching these filters`:``}`}),G&&G.collection.length>0&&(0,j.jsx)(h.ScrollContainer,{minWidth:880,children:(0,j.jsxs)(h,{"aria-label":`Audit log`,children:[(0,j.jsx)(h.Thead,{children:(0,j.jsxs)(h.Tr,{children:[(0,j.jsx)(h.Th,{scope:`col`,children:`When`}),(0,j.jsx)(h.Th,{scope:`col`,children:`Actor`}),(0,j.jsx)(h.Th,{scope:`col`,children:`Operation`}),(0,j.jsx)(h.Th,{scope:`col`,children:`Object`}),(0,j.jsx)(h.Th,{scope:`col`,children:`Changes`})]})}),(0,j.jsx)(h.Tbody,{children:G.collection.map(e=>(0,j.jsxs)(O.Fragment,{children:[(0,j.jsxs)(h.Tr,{children:[(0,j.jsx)(h.Td,{children:S(e.createdAt)}),(0,j.jsxs)(h.Td,{children:[(0,j.jsx)(p,{color:e.actorType===`API_KEY`?`violet.9`:`blue.9`,variant:`filled`,mr:`xs`,children:e.actorType===`API_KEY`?`Key`:`Person`}),J(e)]}),(0,j.jsx)(h.Td,{children:(0,j.jsx)(l,{component:`button`,type:`button`,onClick:()=>q(`operation`,e.operation),children:e.operation})}),(0,j.jsxs)(h.Td,{children:[e.objectType??`—`,e.objectId&&(0,j.jsx)(g,{size:`xs`,c:`dimmed`,children:e.objectId})]}),(0,j.jsx)(h.Td,{children:(0,j.jsx)(r,{size:`xs`,variant:`default`,"aria-expanded":b===e.id,"aria-label":`${b===e.id?`Hide`:`Show`} changes of ${e.operation}`,onClick:()=>T(b===e.id?null:e.id),children:b===e.id?`Hide`:`Show`})})]}),b===e.id&&(0,j.jsx)(h.Tr,{children:(0,j.jsxs)(h.Td,{colSpan:5,children:[(0,j.jsx)(I,{changes:e.changes,label:`Changes of ${e.operation}`}),e.requestId&&(0,j.jsxs)(g,{size:`xs`,c:`dimmed`,mt:`xs`,children:[`Request `,e.requestId]})]})})]},e.id))})]})}),(0,j.jsx)(w,{metadata:G?.metadata,label:`Audit log`,onChange:e=>q(`page`,e<=1?null:String(e))})]})}export{V as default};