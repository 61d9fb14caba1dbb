"""API keys for partner integrations: they hold roles like members do; only a hash is stored."""
