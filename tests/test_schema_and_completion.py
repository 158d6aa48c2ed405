"""rolefinder schema (a JSON Schema editors can use) and shell completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalogues import MINIMAL
from rolefinder.cli.app import app

jsonschema = pytest.importorskip("jsonschema")
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "roles.yaml"


@pytest.fixture(scope="module")
def schema():
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def test_the_shipped_catalogue_matches_the_schema(schema):
    jsonschema.validate(yaml.safe_load(SHIPPED.read_text("utf-8")), schema)


@pytest.mark.parametrize(
    "text",
    [
        MINIMAL.replace("roles:", "rolez:"),
        MINIMAL.replace("level: entry", "level: junior"),
        MINIMAL.replace("{id: b,", "{id: skip,"),
        MINIMAL.replace("weights: {creative: 2}", "weights: {creative: -2}"),
    ],
    ids=["typo", "level", "reserved", "negative"],
)
def test_the_schema_catches_what_an_editor_should_underline(schema, text):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), schema)


def complete(words: str) -> list[str]:
    env = {
        **os.environ,
        "_ROLEFINDER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    script = Path(sys.executable).parent / "rolefinder"
    out = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_show_completes_role_ids():
    assert complete("rolefinder show social-media-a") == [
        "social-media-admin",
        "social-media-analyst",
    ]


def test_trait_and_language_values_complete():
    assert complete("rolefinder roles --trait a") == ["analytical"]
    assert complete("rolefinder roles --lang ") == ["en", "id"]
