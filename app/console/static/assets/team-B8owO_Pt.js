import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
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
`),n=e(`
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
`),r=e(`
  mutation RevokeMembership($id: ID!) {
    revokeMembership(input: { id: $id }) {
      id
      status
      revokedAt
    }
  }
`),i=e(`
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
`),a=e(`
  mutation RevokeInvite($id: ID!) {
    revokeInvite(input: { id: $id }) {
      id
      status
    }
  }
`),o=e(`
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
`);export{t as a,r as i,i as n,n as o,a as r,o as t};