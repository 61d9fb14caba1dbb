"""Organizations: the tenants. Everything else belongs to one."""
