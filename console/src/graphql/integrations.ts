// The accounting integrations' operations. Credentials are write-only: no document reads them (the
// graph has no field that returns them), only credentialsUpdatedAt.
import { graphql } from "../gql";

export const IntegrationFieldsFragment = graphql(`
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
`);

export const IntegrationMappingFieldsFragment = graphql(`
  fragment IntegrationMappingFields on IntegrationMapping {
    id
    mappableType
    mappableId
    itemCode
    accountCode
    taxCode
    name
  }
`);

export const IntegrationsDocument = graphql(`
  query Integrations($limit: Int) {
    integrations(limit: $limit) {
      ...IntegrationFields
    }
  }
`);

/** The integration, its mappings and the objects they may name (each list only when the member may
 * read it: a skipped field is not asked for, so never refused). */
export const IntegrationDocument = graphql(`
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
`);

export const CreateIntegrationDocument = graphql(`
  mutation CreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      ...IntegrationFields
    }
  }
`);

export const UpdateIntegrationDocument = graphql(`
  mutation UpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      ...IntegrationFields
    }
  }
`);

export const DestroyIntegrationDocument = graphql(`
  mutation DestroyIntegration($input: IntegrationIdInput!) {
    destroyIntegration(input: $input) {
      id
    }
  }
`);

export const SetIntegrationMappingsDocument = graphql(`
  mutation SetIntegrationMappings($input: SetIntegrationMappingsInput!) {
    setIntegrationMappings(input: $input) {
      id
      mappings {
        ...IntegrationMappingFields
      }
    }
  }
`);

export const DestroyIntegrationMappingDocument = graphql(`
  mutation DestroyIntegrationMapping($input: IntegrationMappingIdInput!) {
    destroyIntegrationMapping(input: $input) {
      id
    }
  }
`);
