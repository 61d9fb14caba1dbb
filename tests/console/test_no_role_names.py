"""The console decides nothing by a role's name: no built-in role code (app/auth/permissions.py) is
written as a string in its sources. Screens and actions read the member's permissions, and the one
governance rule about a role (the admin role) reads the graph's Role.isAdmin."""

from __future__ import annotations

import re
from pathlib import Path

from app.auth.permissions import BUILTIN_ROLES

SOURCES = Path(__file__).resolve().parents[2] / "console" / "src"
GENERATED = SOURCES / "gql"


def test_no_console_source_names_a_built_in_role() -> None:
    codes = "|".join(re.escape(code) for code in BUILTIN_ROLES)
    literal = re.compile(rf"""["'`]({codes})["'`]""")
    found = [
        f"{path.relative_to(SOURCES)}:{number}: {line.strip()}"
        for path in sorted(SOURCES.rglob("*.ts*"))
        if GENERATED not in path.parents
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if literal.search(line)
    ]
    assert len(list(SOURCES.rglob("*.tsx"))) > 50  # the sources are there
    assert found == []
