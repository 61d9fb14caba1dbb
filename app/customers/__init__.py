"""Customers: who is billed, in which currency and timezone, with which taxes and terms."""
