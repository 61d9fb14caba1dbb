"""billgraph: usage-based billing server with one GraphQL graph and declared, field-level authorization."""
