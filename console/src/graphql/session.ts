// The session's operations: sign in, the session query (loaded at sign-in and on organization
// switch) and sign out.
import { graphql } from "../gql";

export const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    loginUser(input: { email: $email, password: $password }) {
      token
      user {
        id
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

export const SessionDocument = graphql(`
  query Session {
    currentUser {
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
    currentMembership {
      id
      permissions
      organization {
        id
        name
      }
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logoutUser {
      id
    }
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(input: { currentPassword: $currentPassword, newPassword: $newPassword }) {
      token
    }
  }
`);
