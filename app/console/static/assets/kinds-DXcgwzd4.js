import{o as e}from"./index-BXS-dpZZ.js";e(`
  fragment IntegrationFields on Integration {
    id
    kind
    name
    code
    settings
    credentialsUpdatedAt
    createdAt
    updatedAt
  }
`),e(`
  fragment IntegrationMappingFields on IntegrationMapping {
    id
    mappableType
    mappableId
    itemCode
    accountCode
    taxCode
    name
  }
`);var t=e(`
  query Integrations($limit: Int) {
    integrations(limit: $limit) {
      ...IntegrationFields
    }
  }
`),n=e(`
  query Integration($id: ID!, $limit: Int, $withAddOns: Boolean!, $withMetrics: Boolean!, $withTaxes: Boolean!) {
    integration(id: $id) {
      ...IntegrationFields
      mappings {
        ...IntegrationMappingFields
      }
    }
    addOns(limit: $limit) @include(if: $withAddOns) {
      collection {
        id
        name
        code
      }
    }
    billableMetrics(limit: $limit) @include(if: $withMetrics) {
      collection {
        id
        name
        code
      }
    }
    taxes(limit: $limit) @include(if: $withTaxes) {
      collection {
        id
        name
        code
      }
    }
  }
`),r=e(`
  mutation CreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      ...IntegrationFields
    }
  }
`),i=e(`
  mutation UpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      ...IntegrationFields
    }
  }
`),a=e(`
  mutation DestroyIntegration($input: IntegrationIdInput!) {
    destroyIntegration(input: $input) {
      id
    }
  }
`),o=e(`
  mutation SetIntegrationMappings($input: SetIntegrationMappingsInput!) {
    setIntegrationMappings(input: $input) {
      id
      mappings {
        ...IntegrationMappingFields
      }
    }
  }
`),s=e(`
  mutation DestroyIntegrationMapping($input: IntegrationMappingIdInput!) {
    destroyIntegrationMapping(input: $input) {
      id
    }
  }
`),c={XERO:{label:`Xero`,credentials:[{key:`clientId`,label:`Client ID`},{key:`clientSecret`,label:`Client secret`}],settings:[{key:`dateFormat`,label:`Date format`,description:`How dates are written, as Xero's region expects`,defaultValue:`DD/MM/YYYY`,choices:[`DD/MM/YYYY`,`MM/DD/YYYY`,`YYYY-MM-DD`]},{key:`noTaxType`,label:`Tax rate of untaxed lines`,description:`Xero tax rate of lines without tax`,defaultValue:`Tax Exempt`,choices:[]},{key:`brandingTheme`,label:`Branding theme`,description:`Xero branding theme of the imported invoices`,defaultValue:null,choices:[]}],itemCodeField:`accountCode`},NETSUITE:{label:`NetSuite`,credentials:[{key:`consumerKey`,label:`Consumer key`},{key:`consumerSecret`,label:`Consumer secret`},{key:`tokenId`,label:`Token ID`},{key:`tokenSecret`,label:`Token secret`}],settings:[{key:`accountId`,label:`Account ID`,description:`NetSuite account id`,defaultValue:null,choices:[]},{key:`subsidiary`,label:`Subsidiary`,description:`Subsidiary of the imported transactions`,defaultValue:null,choices:[]},{key:`location`,label:`Location`,description:`Location of the imported transactions`,defaultValue:null,choices:[]},{key:`department`,label:`Department`,description:`Department of the imported transactions`,defaultValue:null,choices:[]},{key:`dateFormat`,label:`Date format`,description:`How dates are written, as the account's preferences expect`,defaultValue:`MM/DD/YYYY`,choices:[`MM/DD/YYYY`,`DD/MM/YYYY`,`YYYY-MM-DD`]},{key:`noTaxCode`,label:`Tax code of untaxed lines`,description:`NetSuite tax code of lines without tax`,defaultValue:`-Not Taxable-`,choices:[]}],itemCodeField:`itemCode`}},l=[`XERO`,`NETSUITE`],u={ADD_ON:{label:`Add-on`,description:`The lines of one add-on`,objects:`addOns`},BILLABLE_METRIC:{label:`Billable metric`,description:`The usage lines of one billable metric`,objects:`metrics`},TAX:{label:`Tax`,description:`One tax rate: the tool's tax code of the lines it taxes`,objects:`taxes`},SUBSCRIPTION_FEE:{label:`Subscription fees`,description:`Every subscription fee line`,objects:null},COUPON:{label:`Coupon discounts`,description:`Every discount line a coupon made`,objects:null},CREDIT_NOTE:{label:`Credit notes applied`,description:`Every line of a credit note consumed by an invoice`,objects:null},PREPAID_CREDIT:{label:`Prepaid credits`,description:`Every line of prepaid credits, bought or consumed`,objects:null},FALLBACK_ITEM:{label:`Fallback item`,description:`Every line that no other mapping codes`,objects:null}},d=[`ADD_ON`,`BILLABLE_METRIC`,`TAX`,`SUBSCRIPTION_FEE`,`COUPON`,`CREDIT_NOTE`,`PREPAID_CREDIT`,`FALLBACK_ITEM`];function f(e,t){if(typeof e!=`object`||!e)return``;let n=e[t];return typeof n==`string`?n:``}export{f as a,s as c,o as d,i as f,d as i,n as l,l as n,r as o,u as r,a as s,c as t,t as u};