"""Add-ons: one-off items (onboarding, setup) invoiced on their own."""
