"""The console's generated table of the graph's requirements (console/codegen/requirements.cjs, written
to src/gql/requirements.ts at every build, read by the role composer) lists exactly the operations and
guarded fields the server declares, with the same permissions."""

from __future__ import annotations

import json
import shutil
import subprocess

from app.reference import declarations
from tests.console.conftest import ROOT, ensure_console_modules

SCRIPT = """
const fs = require("fs");
const { buildSchema } = require("graphql");
const { plugin } = require("./codegen/requirements.cjs");
const module = plugin(buildSchema(fs.readFileSync("../schema.graphql", "utf8")));
const start = module.indexOf("= [") + 2;
process.stdout.write(module.slice(start, module.lastIndexOf("]") + 1));
"""


def test_the_generated_requirements_are_the_servers_declarations() -> None:
    # given the console's dependencies (graphql) and the committed schema
    ensure_console_modules()
    node = shutil.which("node")
    assert node, "Node.js is needed for the console's tests"
    # when the codegen plugin reads the schema
    printed = subprocess.run([node, "-e", SCRIPT], cwd=ROOT / "console", capture_output=True, check=True)
    generated = {
        (
            e["kind"],
            e["field"] if e["kind"] != "field" else f"{e['type']}.{e['field']}",
            frozenset(e["permissions"]),
        )
        for e in json.loads(printed.stdout)
    }
    # then it holds every declaration that needs permissions, and nothing else
    declared = {
        (d.kind, d.name, frozenset(d.needs))
        for d in declarations()
        if d.kind != "http" and all(":" in need for need in d.needs) and d.needs
    }
    assert generated == declared
    assert len(generated) >= 100
