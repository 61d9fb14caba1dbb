import{i as e}from"./index-EnemmBw_.js";var t=e(`
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
`),n=e(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id
      externalId
      name
      legalName
      email
      phone
      currency
      timezone
      taxIdentificationNumber
      netPaymentTerm
      invoiceGracePeriod
      createdAt
      billingAddress {
        addressLine1
        addressLine2
        city
        zipcode
        state
        country
      }
    }
  }
`);export{t as n,n as t};