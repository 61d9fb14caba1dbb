"""Users: people who sign in. A user belongs to organizations through memberships."""
