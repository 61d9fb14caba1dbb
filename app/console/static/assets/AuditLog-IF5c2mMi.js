import{r as e}from"./rolldown-runtime-XKyaHtl9.js";import{H as t,L as n,O as r,P as i,R as a,U as o,d as s,f as c,j as l,k as u,o as d,p as f,s as p,u as m,z as h}from"./mantine-DD3iPAi4.js";import{f as g,g as _,p as v}from"./react-DEpeCm3W.js";import{U as y}from"./graphql-DzSSvvds.js";import{r as b,t as x}from"./format-B5t8BnP_.js";import{i as S,n as C,o as w}from"./index-eSf1J9Z8.js";import{t as T}from"./PagePicker-HArCWdhU.js";import{n as E,r as D}from"./actions-B6Dnj3ek.js";var O=e(_(),1),k=w(`
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
`),A=w(`
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
`),j=v();function M({value:e,onChange:t}){let{permissions:n}=S(),r=D(n),i=E(n),[{data:a}]=y({query:A,variables:{withMembers:r,withKeys:i},pause:!r&&!i}),o=(a?.organization?.members??[]).map(e=>({value:`user:${e.user.id}`,label:e.user.email})),s=(a?.apiKeys??[]).map(e=>({value:`key:${e.id}`,label:`${e.name} (${e.prefix}…)`})),c=[...o.length?[{group:`People`,items:o}]:[],...s.length?[{group:`API keys`,items:s}]:[]],l=[...o,...s].some(t=>t.value===e),u=e!==null&&!l?[{group:`Chosen`,items:[{value:e,label:e.replace(/^user:/,`Member `).replace(/^key:/,`API key `)}]}]:[];return(0,j.jsx)(f,{label:`Actor`,placeholder:`Anyone`,data:[...u,...c],value:e,onChange:t,clearable:!0,searchable:!0,nothingFoundMessage:`No actor matches`})}function N(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.changes==`object`):[]}function P({value:e}){return e===`[REDACTED]`?(0,j.jsx)(i,{color:`gray.8`,variant:`filled`,children:`Redacted`}):e==null?(0,j.jsx)(a,{span:!0,c:`dimmed`,children:`—`}):typeof e==`string`?(0,j.jsx)(a,{span:!0,children:e}):(0,j.jsx)(r,{children:JSON.stringify(e)})}function F(e,t){return e===`update`&&Array.isArray(t)&&t.length===2?[t[0],t[1]]:e===`delete`?[t,void 0]:[void 0,t]}function I({changes:e,label:t}){let n=N(e);return n.length===0?(0,j.jsx)(a,{size:`sm`,children:`No recorded change.`}):(0,j.jsx)(s,{gap:`sm`,children:n.map((e,n)=>(0,j.jsxs)(m,{"aria-label":`${t}: ${e.action} ${e.type}`,withTableBorder:!0,children:[(0,j.jsxs)(m.Caption,{children:[e.action,` `,e.type,` `,e.id??``]}),(0,j.jsx)(m.Thead,{children:(0,j.jsxs)(m.Tr,{children:[(0,j.jsx)(m.Th,{scope:`col`,children:`Field`}),(0,j.jsx)(m.Th,{scope:`col`,children:`Before`}),(0,j.jsx)(m.Th,{scope:`col`,children:`After`})]})}),(0,j.jsx)(m.Tbody,{children:Object.entries(e.changes).map(([t,n])=>{let[r,i]=F(e.action,n);return(0,j.jsxs)(m.Tr,{children:[(0,j.jsx)(m.Th,{scope:`row`,fw:400,children:t}),(0,j.jsx)(m.Td,{children:(0,j.jsx)(P,{value:r})}),(0,j.jsx)(m.Td,{children:(0,j.jsx)(P,{value:i})})]},t)})})]},`${e.type}-${e.id??n}`))})}var L=25,R=/^\d{4}-\d{2}-\d{2}$/,z=[{name:`operation`,label:`Operation`,description:`A mutation's name, e.g. createApiKey`},{name:`objectType`,label:`Object type`,description:`e.g. Invoice, Customer, ApiKey`},{name:`objectId`,label:`Object id`,description:``}];function B({label:e,description:t,value:n,onCommit:r}){let[i,a]=(0,O.useState)(n),[o,s]=(0,O.useState)(n);return o!==n&&(s(n),a(n)),(0,j.jsx)(p,{label:e,description:t||void 0,value:i,onChange:e=>a(e.currentTarget.value),onBlur:()=>r(i.trim()),onKeyDown:e=>{e.key===`Enter`&&r(i.trim())}})}function V(){let{permissions:e,userId:r}=S();C(`Audit log`);let[f,_]=g(),[v,w]=(0,O.useState)(null),E=Math.max(1,Number(f.get(`page`)??`1`)||1),A=f.get(`actor`),N=R.test(f.get(`from`)??``)?f.get(`from`):null,P=R.test(f.get(`to`)??``)?f.get(`to`):null,F=e=>f.get(e)||null,V=D(e),[{data:H,fetching:U,error:W}]=y({query:k,variables:{page:E,limit:L,operation:F(`operation`),objectType:F(`objectType`),objectId:F(`objectId`),actorUserId:A?.startsWith(`user:`)?A.slice(5):null,actorApiKeyId:A?.startsWith(`key:`)?A.slice(4):null,fromTime:N?`${N}T00:00:00Z`:null,toTime:P?`${P}T23:59:59.999Z`:null,withUser:V}}),G=H?.auditLogs,K=[`actor`,`operation`,`objectType`,`objectId`,`from`,`to`].some(e=>f.get(e));function q(e,t){let n=new URLSearchParams(f);t===null||t===``?n.delete(e):n.set(e,t),e!==`page`&&n.delete(`page`),_(n)}let J=e=>e.actorType===`API_KEY`?`API key ${e.actorApiKeyId??``}`:`${e.actorUser?.email??`Member ${e.actorUserId??``}`}${e.actorUserId===r?` (you)`:``}`;return(0,j.jsxs)(s,{gap:`md`,children:[(0,j.jsx)(d,{order:1,children:`Audit log`}),(0,j.jsxs)(c,{cols:{base:1,sm:2,lg:3},children:[(0,j.jsx)(M,{value:A,onChange:e=>q(`actor`,e)}),z.map(e=>(0,j.jsx)(B,{label:e.label,description:e.description,value:f.get(e.name)??``,onCommit:t=>q(e.name,t)},e.name)),(0,j.jsx)(p,{label:`From`,type:`date`,value:N??``,onChange:e=>q(`from`,e.currentTarget.value)}),(0,j.jsx)(p,{label:`To`,type:`date`,value:P??``,onChange:e=>q(`to`,e.currentTarget.value)})]}),K&&(0,j.jsx)(t,{children:(0,j.jsx)(l,{variant:`subtle`,onClick:()=>_(new URLSearchParams),children:`Clear filters`})}),W&&!H&&(0,j.jsx)(h,{color:`red`,role:`alert`,title:`The audit log could not be loaded`,children:x(W)}),!G&&U&&(0,j.jsx)(u,{p:`xl`,children:(0,j.jsx)(o,{role:`status`,"aria-label":`Loading the audit log`})}),G&&(0,j.jsx)(a,{size:`sm`,"aria-live":`polite`,children:G.metadata.totalCount===0?`No entry matches.`:`${G.metadata.totalCount} entries${K?` matching these filters`:``}`}),G&&G.collection.length>0&&(0,j.jsx)(m.ScrollContainer,{minWidth:880,children:(0,j.jsxs)(m,{"aria-label":`Audit log`,children:[(0,j.jsx)(m.Thead,{children:(0,j.jsxs)(m.Tr,{children:[(0,j.jsx)(m.Th,{scope:`col`,children:`When`}),(0,j.jsx)(m.Th,{scope:`col`,children:`Actor`}),(0,j.jsx)(m.Th,{scope:`col`,children:`Operation`}),(0,j.jsx)(m.Th,{scope:`col`,children:`Object`}),(0,j.jsx)(m.Th,{scope:`col`,children:`Changes`})]})}),(0,j.jsx)(m.Tbody,{children:G.collection.map(e=>(0,j.jsxs)(O.Fragment,{children:[(0,j.jsxs)(m.Tr,{children:[(0,j.jsx)(m.Td,{children:b(e.createdAt)}),(0,j.jsxs)(m.Td,{children:[(0,j.jsx)(i,{color:e.actorType===`API_KEY`?`violet.9`:`blue.9`,variant:`filled`,mr:`xs`,children:e.actorType===`API_KEY`?`Key`:`Person`}),J(e)]}),(0,j.jsx)(m.Td,{children:(0,j.jsx)(n,{component:`button`,type:`button`,onClick:()=>q(`operation`,e.operation),children:e.operation})}),(0,j.jsxs)(m.Td,{children:[e.objectType??`—`,e.objectId&&(0,j.jsx)(a,{size:`xs`,c:`dimmed`,children:e.objectId})]}),(0,j.jsx)(m.Td,{children:(0,j.jsx)(l,{size:`xs`,variant:`default`,"aria-expanded":v===e.id,"aria-label":`${v===e.id?`Hide`:`Show`} changes of ${e.operation}`,onClick:()=>w(v===e.id?null:e.id),children:v===e.id?`Hide`:`Show`})})]}),v===e.id&&(0,j.jsx)(m.Tr,{children:(0,j.jsxs)(m.Td,{colSpan:5,children:[(0,j.jsx)(I,{changes:e.changes,label:`Changes of ${e.operation}`}),e.requestId&&(0,j.jsxs)(a,{size:`xs`,c:`dimmed`,mt:`xs`,children:[`Request `,e.requestId]})]})})]},e.id))})]})}),(0,j.jsx)(T,{metadata:G?.metadata,label:`Audit log`,onChange:e=>q(`page`,e<=1?null:String(e))})]})}export{V as default};