"""Assembles the schema and the request context; serves /graphql."""
