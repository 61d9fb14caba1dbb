import{o as e,s as t}from"./theme-BOTZ9joL.js";import{p as n}from"./react-DEpeCm3W.js";import{t as r}from"./graphiql-CLZazfBn.js";function i(e){let t={};if(typeof e!=`object`||!e)return t;for(let[n,r]of Object.entries(e))(typeof r==`string`||typeof r==`number`||typeof r==`boolean`)&&(t[n.toLowerCase()]=String(r));return t}function a(n){return async(r,a)=>await(await fetch(e,{method:`POST`,headers:{"content-type":`application/json`,accept:`application/json`,...t(n()),...i(a?.headers)},body:JSON.stringify(r),credentials:`omit`})).json()}var o=n(),s=`# The billgraph graph, as the signed-in member: what you may do here is what your
# permissions allow. Press the run button (or Ctrl-Enter) to run an operation.
{
  currentMembership {
    organization { name }
    permissions
  }
}
`;function c({fetcher:e}){return(0,o.jsx)(r,{fetcher:e,defaultQuery:s,forcedTheme:`light`})}export{a as n,c as t};