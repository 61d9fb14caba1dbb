"""Memberships (a user in an organization, holding roles) and invitations."""
