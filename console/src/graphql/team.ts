// The team: members with their roles, pending invitations (organization:members:view), the roles
// one may grant (roles:view, asked only with it), the caller's own roles (for the admin rule), and
// the mutations on memberships and invitations; acceptInvite is public (the invitation page).
import { graphql } from "../gql";

export const TeamDocument = graphql(`
  query Team($withRoles: Boolean!) {
    currentMembership {
      id
      roles {
        id
        code
        builtin
        isAdmin
      }
    }
    organization {
      id
      members {
        id
        status
        createdAt
        revokedAt
        user {
          id
          email
        }
        roles {
          id
          code
          name
          builtin
          isAdmin
          permissions
        }
      }
    }
    invites(status: PENDING) {
      id
      email
      createdAt
      expiresAt
      status
      roles {
        id
        code
        name
      }
    }
    roles @include(if: $withRoles) {
      id
      code
      name
      description
      builtin
      isAdmin
      permissions
    }
  }
`);

export const UpdateMembershipDocument = graphql(`
  mutation UpdateMembership($id: ID!, $roles: [String!]!) {
    updateMembership(input: { id: $id, roles: $roles }) {
      id
      status
      roles {
        id
        code
        name
      }
    }
  }
`);

export const RevokeMembershipDocument = graphql(`
  mutation RevokeMembership($id: ID!) {
    revokeMembership(input: { id: $id }) {
      id
      status
      revokedAt
    }
  }
`);

export const CreateInviteDocument = graphql(`
  mutation CreateInvite($email: String!, $roles: [String!]!) {
    createInvite(input: { email: $email, roles: $roles }) {
      invite {
        id
        email
        token
        expiresAt
      }
    }
  }
`);

export const RevokeInviteDocument = graphql(`
  mutation RevokeInvite($id: ID!) {
    revokeInvite(input: { id: $id }) {
      id
      status
    }
  }
`);

export const AcceptInviteDocument = graphql(`
  mutation AcceptInvite($token: String!, $password: String) {
    acceptInvite(input: { token: $token, password: $password }) {
      token
      user {
        id
        email
        memberships {
          id
          organization {
            id
            name
          }
        }
      }
    }
  }
`);
