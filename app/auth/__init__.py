"""Authorization: the permission catalogue, built-in roles, identities and the GraphQL permission."""
