"""The audit log: one entry per successful mutation, written in the mutation's own transaction."""
