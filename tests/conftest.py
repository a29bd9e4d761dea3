"""Shared fixtures: the seed readout, its parsed event, and throwaway projects to build."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, SEED_NAME, SEED_PATH, make_project, page  # noqa: F401 - re-exported for tests

from readout.build import build
from readout.config import load_config
from readout.load import parse_source


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_event(seed_text):
    return parse_source(seed_text, f"content/sources/{SEED_NAME}.txt")


@pytest.fixture
def project(tmp_path):
    """``project(files={...}, seed=True)`` → the root of a fresh project under tmp_path."""
    counter = iter(range(1000))

    def factory(files=None, seed=True):
        return make_project(tmp_path / f"project{next(counter)}", files, seed)

    return factory


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The seed project built once; the output folder."""
    root = make_project(tmp_path_factory.mktemp("seed") / "project")
    report = build(load_config(root))
    return report.output
