"""Shared fixtures: the loaded pipeline, the sample article, and the output checker.

Helpers to import live in ``helpers.py`` (``require_shared``, ``offset_problems``). When
``ONRECORD_REQUIRE_SHARED=1`` (set by .ci/run), any skip whose reason names the shared folder
is turned into a failure here, so tests that look for ../shared their own way cannot let CI
go green by skipping either.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest
from helpers import REQUIRE_SHARED_VARIABLE, SHARED, offset_problems, shared_is_required


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    """When shared data is required, a skip that names the shared folder is a failure."""
    report = yield
    if report.skipped and shared_is_required() and _names_shared(report):
        report.outcome = "failed"
        report.longrepr = f"skipped for missing shared data, but {REQUIRE_SHARED_VARIABLE} is set"
    return report


def _names_shared(report: pytest.TestReport) -> bool:
    reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    return str(SHARED) in reason or "shared data" in reason


# --- the pipeline -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def extractor():
    """The default pipeline with onrecord, loaded once for the whole session (the CLI's
    ``get_extractor`` cache hands the same one to CLI tests run in-process)."""
    from onrecord.pipeline import get_extractor

    return get_extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def sample_text() -> str:
    return resources.files("onrecord").joinpath("data", "sample.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_output(extractor, sample_text) -> dict[str, Any]:
    """The JSON of the bundled sample article, through the public API."""
    import onrecord

    return onrecord.extract(sample_text).to_dict()


# --- checking output ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def output_schema() -> dict[str, Any]:
    schema_file = resources.files("onrecord").joinpath("schema", "onrecord-2.json")
    return json.loads(schema_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def check_output(output_schema) -> Callable[[dict[str, Any]], None]:
    """``check_output(document_dict)``: fails the test unless the dict is valid "onrecord/2"
    (schema) and every span's offsets cut its text out of ``document.text``."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(output_schema)

    def check(output: dict[str, Any]) -> None:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(output)]
        assert errors == [], "schema"
        assert offset_problems(output) == [], "offsets"

    return check
