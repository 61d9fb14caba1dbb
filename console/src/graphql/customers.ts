import { graphql } from "../gql";

export const CustomersDocument = graphql(`
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
`);
