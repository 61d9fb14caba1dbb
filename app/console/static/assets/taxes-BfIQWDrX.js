import{o as e}from"./index-BXS-dpZZ.js";e(`
  fragment TaxFields on Tax {
    id
    name
    code
    description
    rate
    appliedToOrganization
    createdAt
  }
`);var t=e(`
  query Taxes($page: Int, $limit: Int, $searchTerm: String) {
    taxes(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        ...TaxFields
      }
      metadata {
        currentPage
        totalPages
        totalCount
      }
    }
  }
`),n=e(`
  query Tax($id: ID!) {
    tax(id: $id) {
      ...TaxFields
    }
  }
`),r=e(`
  mutation CreateTax($input: CreateTaxInput!) {
    createTax(input: $input) {
      ...TaxFields
    }
  }
`),i=e(`
  mutation UpdateTax($input: UpdateTaxInput!) {
    updateTax(input: $input) {
      ...TaxFields
    }
  }
`),a=e(`
  mutation DestroyTax($input: DestroyTaxInput!) {
    destroyTax(input: $input) {
      id
    }
  }
`);export{i as a,t as i,a as n,n as r,r as t};