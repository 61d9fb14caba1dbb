"""Billable metrics: how usage events are aggregated into billable units."""
