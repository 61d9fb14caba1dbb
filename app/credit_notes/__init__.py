"""Credit notes: giving a customer money back on an invoice, as credit for later invoices or a refund."""
