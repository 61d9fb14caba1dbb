"""Invoices: one model for one-off (add-on) invoices, credit purchases and subscription invoices."""
