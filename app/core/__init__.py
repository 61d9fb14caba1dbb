"""Shared building blocks with no GraphQL and no database: domain errors, validation, money, time."""
