// The taxes screens' operations.
import { graphql } from "../gql";

export const TaxFieldsFragment = graphql(`
  fragment TaxFields on Tax {
    id
    name
    code
    description
    rate
    appliedToOrganization
    createdAt
  }
`);

export const TaxesDocument = graphql(`
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
`);

export const TaxDocument = graphql(`
  query Tax($id: ID!) {
    tax(id: $id) {
      ...TaxFields
    }
  }
`);

export const CreateTaxDocument = graphql(`
  mutation CreateTax($input: CreateTaxInput!) {
    createTax(input: $input) {
      ...TaxFields
    }
  }
`);

export const UpdateTaxDocument = graphql(`
  mutation UpdateTax($input: UpdateTaxInput!) {
    updateTax(input: $input) {
      ...TaxFields
    }
  }
`);

export const DestroyTaxDocument = graphql(`
  mutation DestroyTax($input: DestroyTaxInput!) {
    destroyTax(input: $input) {
      id
    }
  }
`);
