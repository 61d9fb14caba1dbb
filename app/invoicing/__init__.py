"""Billing subscriptions into invoices: when (boundaries), what (lines from plan versions and usage),
with which coupons and credits, and the billing run that does it for everyone, safely in parallel."""
