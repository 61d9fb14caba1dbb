"""Tax rates: per organization, applied by default to every customer or only where attached."""
