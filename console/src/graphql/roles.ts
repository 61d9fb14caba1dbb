// The roles screens' operations: the roles with the permission catalogue in one request.
import { graphql } from "../gql";

export const RolesDocument = graphql(`
  query Roles {
    roles(limit: 100) {
      id
      code
      name
      description
      permissions
      builtin
    }
    permissions {
      name
      description
    }
  }
`);

export const CreateRoleDocument = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      id
      code
      name
      description
      permissions
      builtin
    }
  }
`);

export const UpdateRoleDocument = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      id
      code
      name
      description
      permissions
      builtin
    }
  }
`);

export const DestroyRoleDocument = graphql(`
  mutation DestroyRole($input: DestroyRoleInput!) {
    destroyRole(input: $input) {
      id
    }
  }
`);
