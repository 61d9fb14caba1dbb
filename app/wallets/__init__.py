"""Prepaid credits: a customer's wallet, topped up with paid or granted credits, consumed by invoices."""
