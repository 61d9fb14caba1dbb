"""Demo data: an organization with one member per built-in role, for exploring GraphiQL at once."""
