// The add-ons screens' operations (taxes only for a member who may see them).
import { graphql } from "../gql";

export const AddOnFieldsFragment = graphql(`
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
`);

export const AddOnsDocument = graphql(`
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
`);

export const AddOnDocument = graphql(`
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
`);

export const AddOnTaxesDocument = graphql(`
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
`);

export const CreateAddOnDocument = graphql(`
  mutation CreateAddOn($input: CreateAddOnInput!, $withTaxes: Boolean!) {
    createAddOn(input: $input) {
      ...AddOnFields
    }
  }
`);

export const UpdateAddOnDocument = graphql(`
  mutation UpdateAddOn($input: UpdateAddOnInput!, $withTaxes: Boolean!) {
    updateAddOn(input: $input) {
      ...AddOnFields
    }
  }
`);

export const DestroyAddOnDocument = graphql(`
  mutation DestroyAddOn($input: DestroyAddOnInput!) {
    destroyAddOn(input: $input) {
      id
    }
  }
`);
