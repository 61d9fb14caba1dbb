import{o as e}from"./index-BXS-dpZZ.js";e(`
  fragment AddOnFields on AddOn {
    id
    name
    code
    description
    invoiceDisplayName
    amountCents
    amountCurrency
    createdAt
    taxes @include(if: $withTaxes) {
      id
      code
      name
      rate
    }
  }
`);var t=e(`
  query AddOns($page: Int, $limit: Int, $searchTerm: String, $withTaxes: Boolean!) {
    addOns(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        ...AddOnFields
      }
      metadata {
        currentPage
        totalPages
        totalCount
      }
    }
  }
`),n=e(`
  query AddOn($id: ID!, $withTaxes: Boolean!) {
    addOn(id: $id) {
      ...AddOnFields
    }
    taxes(limit: 100) @include(if: $withTaxes) {
      collection {
        id
        code
        name
        rate
      }
    }
  }
`),r=e(`
  query AddOnTaxes {
    taxes(limit: 100) {
      collection {
        id
        code
        name
        rate
      }
    }
  }
`),i=e(`
  mutation CreateAddOn($input: CreateAddOnInput!, $withTaxes: Boolean!) {
    createAddOn(input: $input) {
      ...AddOnFields
    }
  }
`),a=e(`
  mutation UpdateAddOn($input: UpdateAddOnInput!, $withTaxes: Boolean!) {
    updateAddOn(input: $input) {
      ...AddOnFields
    }
  }
`),o=e(`
  mutation DestroyAddOn($input: DestroyAddOnInput!) {
    destroyAddOn(input: $input) {
      id
    }
  }
`);export{o as a,i,r as n,a as o,t as r,n as t};