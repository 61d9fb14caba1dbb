"""The guides are tested where they hold code: every GraphQL document is valid against the schema,
every `billgraph` command line parses, the Python snippet verifies real signatures, the generated
configuration reference is current, and every link between the documents resolves."""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

import pytest
from graphql import parse, validate

from app.cli import parser
from app.config_reference import markdown as configuration
from app.graphql.schema import schema
from app.webhooks import signing

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ["getting-started.md", "front-end.md", "partner-integration.md", "operations.md"]
_BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for name in GUIDES:
        for lang, body in _BLOCK.findall((ROOT / "docs" / name).read_text()):
            if lang == language:
                found.append((name, body))
    return found


def test_every_guide_has_code_of_each_kind_it_promises() -> None:
    assert len(_blocks("graphql")) >= 20
    assert len(_blocks("sh")) >= 8
    assert len(_blocks("python")) == 1


@pytest.mark.parametrize(("guide", "document"), _blocks("graphql"), ids=lambda value: str(value)[:40])
def test_each_graphql_document_is_valid_against_the_schema(guide: str, document: str) -> None:
    errors = validate(schema._schema, parse(document))

    assert [error.message for error in errors] == [], guide


def test_each_billgraph_command_line_parses() -> None:
    commands = [
        line.strip()
        for _, body in _blocks("sh")
        for line in body.replace("\\\n", " ").splitlines()
        if ".venv/bin/billgraph " in line
    ]
    for line in commands:
        words = shlex.split(line[line.index(".venv/bin/billgraph ") :].split("&&")[0], comments=True)
        args = parser().parse_args(words[1:])
        assert callable(args.handler), line
    assert len(commands) >= 7


def test_the_python_snippet_verifies_a_real_signature_and_refuses_tampering() -> None:
    ((_, code),) = _blocks("python")
    namespace: dict[str, object] = {}
    exec(compile(code, "partner-integration.md", "exec"), namespace)  # the guide's own code
    verify = namespace["verify_signature"]
    body = b'{"id":"1","type":"invoice.created"}'
    header = signing.signature("whsec_test", int(time.time()), body)

    assert verify("whsec_test", header, body) is True  # type: ignore[operator]
    assert verify("whsec_test", header, body + b" ") is False  # type: ignore[operator]
    assert verify("whsec_other", header, body) is False  # type: ignore[operator]
    assert verify("whsec_test", signing.signature("whsec_test", 1, body), body) is False  # type: ignore[operator]


def test_docs_configuration_md_is_generated_from_the_settings_and_current() -> None:
    committed = (ROOT / "docs" / "configuration.md").read_text()

    assert committed == configuration(), "docs/configuration.md is stale: run `billgraph export-schema`"
    assert "| `BILLGRAPH_ENCRYPTION_KEY` |" in committed


def test_every_relative_link_of_the_docs_and_readme_resolves() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page.read_text()):
            if target.startswith(("http://", "https://")):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.name} -> {target}")
    assert broken == []
