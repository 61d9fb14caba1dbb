"""Usage events: ingested once each (per subscription and transaction id), aggregated in SQL."""
