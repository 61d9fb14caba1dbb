"""A small schemathesis run in the suite (the full one is ``scripts/fuzz.py``): every operation of the
schema, generated positive and negative, then every custom-scalar and enum argument with malformed inline
literals, against a real server process as the demo admin, answers without any HTTP 5xx or
INTERNAL_ERROR."""

from __future__ import annotations

from scripts.fuzz import fuzz, literal_documents
from scripts.server import login, server_process


def test_generated_operations_never_fail_the_server(scratch_database: str) -> None:
    with server_process({"DATABASE_URL": scratch_database}) as (port, _):
        token = login(port, "admin@demo.billgraph.dev")
        report = fuzz(f"http://127.0.0.1:{port}", token, examples=2, literals=3)

    assert report.failures == []
    assert report.total >= 300
    assert set(report.sent) == {"positive", "negative", "literals"}
    assert report.sent["literals"] == len(list(literal_documents(3))) >= 200
    assert report.codes["VALIDATION_ERROR"] >= report.sent["literals"] // 2
    assert set(report.statuses) == {200}
