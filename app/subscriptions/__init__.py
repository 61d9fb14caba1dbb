"""Subscriptions: a customer on a plan (or on its negotiated copy), from a start to a termination."""
