"""Roles as data: built-in roles (global, immutable) and each organization's custom roles."""
