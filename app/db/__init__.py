"""Database: base model, engine and sessions, the embedded PostgreSQL, migrations."""
